// Run by compose's mongo-init service (mongosh --file): makes the node a one-member replica set "rs0" once,
// then waits until it is primary, so the services that depend on mongo-init find a writable set.
// The member's host is the compose service name every client resolves.
try {
  rs.status();
  print("replica set already initiated");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") throw e;
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] });
  print("replica set rs0 initiated");
}
for (let i = 0; i < 60 && !db.hello().isWritablePrimary; i++) sleep(1000);
if (!db.hello().isWritablePrimary) throw new Error("no primary after 60 s");
print("primary ready");
