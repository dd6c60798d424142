/// Field selection merging: fields with the same response name can be merged (same field and arguments when their
/// parents may coincide, compatible types, mergeable sub-selections). Compared fragment pairs and each selection
/// set's collected fields are cached, as graphql-js does, so repeated fragments stay linear.
public func OverlappingFieldsCanBeMergedRule(_ context: ValidationContext) -> Visitor {
    let finder = OverlapFinder(context)
    return Visitor(kinds: KindSet(.selectionSet), enter: { node, _ in
        guard case .selectionSet(let set) = node else { return .continue }
        for conflict in finder.conflictsWithin(context.typeInfo.parentType, set) {
            context.report(GraphQLError(
                "Fields \"\(conflict.reason.responseName)\" conflict because \(overlapReasonMessage(conflict.reason.reason)). "
                    + "Use different aliases on the fields to fetch both if this was intentional.",
                nodes: conflict.fields1 + conflict.fields2))
        }
        return .continue
    })
}

indirect enum OverlapReason {
    case message(String)
    case subfields([(responseName: String, reason: OverlapReason)])
}

func overlapReasonMessage(_ reason: OverlapReason) -> String {
    switch reason {
    case .message(let m): return m
    case .subfields(let list):
        return list.map { "subfields \"\($0.responseName)\" conflict because " + overlapReasonMessage($0.reason) }
            .joined(separator: " and ")
    }
}

struct OverlapConflict {
    var reason: (responseName: String, reason: OverlapReason)
    var fields1: [FieldNode]
    var fields2: [FieldNode]
}

final class OverlapFinder {
    typealias NodeAndDef = (parentType: GraphQLNamedType?, node: FieldNode, def: GraphQLField?)
    final class FieldMap {
        var keys: [String] = []
        var fields: [String: [NodeAndDef]] = [:]
    }
    let context: ValidationContext
    private var cache: [Int: (FieldMap, [String])] = [:]
    private var compared: [String: [String: Bool]] = [:]

    init(_ context: ValidationContext) { self.context = context }

    // MARK: pair set

    private func hasPair(_ a: String, _ b: String, _ exclusive: Bool) -> Bool {
        let (k1, k2) = a < b ? (a, b) : (b, a)
        guard let result = compared[k1]?[k2] else { return false }
        return exclusive ? true : result == exclusive
    }

    private func addPair(_ a: String, _ b: String, _ exclusive: Bool) {
        let (k1, k2) = a < b ? (a, b) : (b, a)
        compared[k1, default: [:]][k2] = exclusive
    }

    // MARK: collection

    func fieldsAndFragmentNames(_ parentType: GraphQLNamedType?, _ set: SelectionSetNode) -> (FieldMap, [String]) {
        let key = set.loc?.start ?? -1
        if key >= 0, let cached = cache[key] { return cached }
        let map = FieldMap()
        var names: [String] = []
        var seen: Set<String> = []
        collect(parentType, set, map, &names, &seen)
        let result = (map, names)
        if key >= 0 { cache[key] = result }
        return result
    }

    private func collect(_ parentType: GraphQLNamedType?, _ set: SelectionSetNode, _ map: FieldMap, _ names: inout [String], _ seen: inout Set<String>) {
        for selection in set.selections {
            switch selection {
            case .field(let f):
                let def: GraphQLField? = parentType.flatMap { p in
                    switch p {
                    case .object, .interface: return p.fields?[f.name.value]
                    default: return nil
                    }
                }
                let responseName = f.alias?.value ?? f.name.value
                if map.fields[responseName] == nil { map.keys.append(responseName) }
                map.fields[responseName, default: []].append((parentType, f, def))
            case .fragmentSpread(let s):
                if seen.insert(s.name.value).inserted { names.append(s.name.value) }
            case .inlineFragment(let i):
                let t = i.typeCondition.map { context.schema.type(named: $0.name.value) } ?? parentType
                collect(t, i.selectionSet, map, &names, &seen)
            }
        }
    }

    private func referencedFieldsAndFragmentNames(_ fragment: FragmentDefinitionNode) -> (FieldMap, [String]) {
        fieldsAndFragmentNames(context.schema.type(named: fragment.typeCondition.name.value), fragment.selectionSet)
    }

    // MARK: conflicts

    func conflictsWithin(_ parentType: GraphQLNamedType?, _ set: SelectionSetNode) -> [OverlapConflict] {
        if hasOnlyDistinctFields(set) { return [] }
        var conflicts: [OverlapConflict] = []
        let (map, names) = fieldsAndFragmentNames(parentType, set)
        collectWithin(&conflicts, map)
        for i in names.indices {
            collectBetweenFieldsAndFragment(&conflicts, false, map, names[i])
            for j in (i + 1)..<names.count {
                collectBetweenFragments(&conflicts, false, names[i], names[j])
            }
        }
        return conflicts
    }

    /// Plain fields with distinct response names and no fragments: nothing in the set can conflict with anything
    /// else in it (their sub-selections are checked when their own sets are visited).
    private func hasOnlyDistinctFields(_ set: SelectionSetNode) -> Bool {
        if set.selections.count > 32 { return false }
        var names: [String] = []
        names.reserveCapacity(set.selections.count)
        // Through the buffer, reading only the names: iterating the array would copy each field out of it.
        return set.selections.withUnsafeBufferPointer { selections in
            for selection in selections {
                guard let name = plainFieldResponseName(selection) else { return false }
                // Lengths first: most names differ in length, which is cheaper to compare than their text.
                let length = name.utf8.count
                if names.contains(where: { $0.utf8.count == length && $0 == name }) { return false }
                names.append(name)
            }
            return true
        }
    }

    private func collectBetweenFieldsAndFragment(_ conflicts: inout [OverlapConflict], _ exclusive: Bool, _ map: FieldMap, _ name: String) {
        guard let fragment = context.fragment(named: name) else { return }
        let (map2, referenced) = referencedFieldsAndFragmentNames(fragment)
        if map === map2 { return }
        collectBetween(&conflicts, exclusive, map, map2)
        for ref in referenced {
            if hasPair(ref, name, exclusive) { continue }
            addPair(ref, name, exclusive)
            collectBetweenFieldsAndFragment(&conflicts, exclusive, map, ref)
        }
    }

    private func collectBetweenFragments(_ conflicts: inout [OverlapConflict], _ exclusive: Bool, _ name1: String, _ name2: String) {
        if name1 == name2 { return }
        if hasPair(name1, name2, exclusive) { return }
        addPair(name1, name2, exclusive)
        guard let f1 = context.fragment(named: name1), let f2 = context.fragment(named: name2) else { return }
        let (map1, refs1) = referencedFieldsAndFragmentNames(f1)
        let (map2, refs2) = referencedFieldsAndFragmentNames(f2)
        collectBetween(&conflicts, exclusive, map1, map2)
        for r in refs2 { collectBetweenFragments(&conflicts, exclusive, name1, r) }
        for r in refs1 { collectBetweenFragments(&conflicts, exclusive, r, name2) }
    }

    private func subSelectionConflicts(
        _ exclusive: Bool, _ t1: GraphQLNamedType?, _ s1: SelectionSetNode, _ t2: GraphQLNamedType?, _ s2: SelectionSetNode
    ) -> [OverlapConflict] {
        var conflicts: [OverlapConflict] = []
        let (map1, names1) = fieldsAndFragmentNames(t1, s1)
        let (map2, names2) = fieldsAndFragmentNames(t2, s2)
        collectBetween(&conflicts, exclusive, map1, map2)
        for n2 in names2 { collectBetweenFieldsAndFragment(&conflicts, exclusive, map1, n2) }
        for n1 in names1 { collectBetweenFieldsAndFragment(&conflicts, exclusive, map2, n1) }
        for n1 in names1 { for n2 in names2 { collectBetweenFragments(&conflicts, exclusive, n1, n2) } }
        return conflicts
    }

    private func collectWithin(_ conflicts: inout [OverlapConflict], _ map: FieldMap) {
        for name in map.keys {
            let fields = map.fields[name]!
            guard fields.count > 1 else { continue }
            if fields.count > 2, noConflictsWithin(fields, name) { continue }
            for i in fields.indices {
                for j in (i + 1)..<fields.count {
                    if let c = findConflict(false, name, fields[i], fields[j]) { conflicts.append(c) }
                    if conflicts.count > context.maxErrors { return }
                }
            }
        }
    }

    private func collectBetween(_ conflicts: inout [OverlapConflict], _ exclusive: Bool, _ map1: FieldMap, _ map2: FieldMap) {
        for name in map1.keys {
            guard let fields2 = map2.fields[name] else { continue }
            let fields1 = map1.fields[name]!
            if fields1.count * fields2.count > 4, noConflictsBetween(exclusive, fields1, fields2, name) { continue }
            for f1 in fields1 {
                for f2 in fields2 {
                    if let c = findConflict(exclusive, name, f1, f2) { conflicts.append(c) }
                    if conflicts.count > context.maxErrors { return }
                }
            }
        }
    }

    // MARK: structurally equal fields

    // Fields with the same parent type that print the same are compared alike: a pair's conflict depends only on
    // their types and ASTs. When no pair of distinct shapes (nor a shape with itself) conflicts, no pair of the
    // fields does, and the quadratic comparison of, say, 400 copies of one field is one comparison. When some
    // pair conflicts, every pair is compared as graphql-js does, so the errors and their locations are its own.

    private var shapeIDs: [String: Int] = [:]
    private var shapeByLocation: [Int: Int] = [:]

    /// The shape of a field: equal for fields that compare alike; nil without a location (no sharing then).
    private func shape(_ field: NodeAndDef) -> Int? {
        guard let start = field.node.loc?.start else { return nil }
        if let known = shapeByLocation[start] { return known }
        let key = (field.parentType?.name ?? "") + "|" + print(field.node)
        let id: Int
        if let existing = shapeIDs[key] { id = existing } else { id = shapeIDs.count; shapeIDs[key] = id }
        shapeByLocation[start] = id
        return id
    }

    /// The first field of each shape, and for shapes that repeat, a second field of it.
    private func representatives(_ fields: [NodeAndDef]) -> (firsts: [Int], seconds: [Int: Int])? {
        var firstByShape: [Int: Int] = [:]
        var firsts: [Int] = []
        var seconds: [Int: Int] = [:]
        for (index, field) in fields.enumerated() {
            guard let id = shape(field) else { return nil }
            if let first = firstByShape[id] {
                if seconds[first] == nil { seconds[first] = index }
            } else {
                firstByShape[id] = index
                firsts.append(index)
            }
        }
        return firsts.count < fields.count ? (firsts, seconds) : nil
    }

    /// Compares representatives only; true when none conflict. The fragment pairs it marks are undone otherwise.
    private func noConflictsWithin(_ fields: [NodeAndDef], _ name: String) -> Bool {
        guard let (firsts, seconds) = representatives(fields) else { return false }
        let savedPairs = compared
        for (n, i) in firsts.enumerated() {
            if let second = seconds[i], findConflict(false, name, fields[i], fields[second]) != nil {
                compared = savedPairs
                return false
            }
            for j in firsts[(n + 1)...] where findConflict(false, name, fields[i], fields[j]) != nil {
                compared = savedPairs
                return false
            }
        }
        return true
    }

    private func noConflictsBetween(_ exclusive: Bool, _ fields1: [NodeAndDef], _ fields2: [NodeAndDef], _ name: String) -> Bool {
        let reps1 = representatives(fields1), reps2 = representatives(fields2)
        if reps1 == nil && reps2 == nil { return false }
        guard let firsts1 = reps1?.firsts ?? (fields1.allSatisfy({ shape($0) != nil }) ? Array(fields1.indices) : nil),
              let firsts2 = reps2?.firsts ?? (fields2.allSatisfy({ shape($0) != nil }) ? Array(fields2.indices) : nil)
        else { return false }
        let savedPairs = compared
        for i in firsts1 {
            for j in firsts2 where findConflict(exclusive, name, fields1[i], fields2[j]) != nil {
                compared = savedPairs
                return false
            }
        }
        return true
    }

    private func findConflict(_ parentExclusive: Bool, _ responseName: String, _ field1: NodeAndDef, _ field2: NodeAndDef) -> OverlapConflict? {
        let (p1, node1, def1) = field1
        let (p2, node2, def2) = field2
        var exclusive = parentExclusive
        if !exclusive, let p1, let p2, p1.name != p2.name, case .object = p1, case .object = p2 { exclusive = true }
        let type1 = def1?.type, type2 = def2?.type
        if !exclusive {
            if node1.name.value != node2.name.value {
                return OverlapConflict(
                    reason: (responseName, .message("\"\(node1.name.value)\" and \"\(node2.name.value)\" are different fields")),
                    fields1: [node1], fields2: [node2])
            }
            if !sameArguments(node1.arguments, node2.arguments) {
                return OverlapConflict(reason: (responseName, .message("they have differing arguments")), fields1: [node1], fields2: [node2])
            }
        }
        if let type1, let type2, doTypesConflict(type1, type2) {
            return OverlapConflict(
                reason: (responseName, .message("they return conflicting types \"\(type1)\" and \"\(type2)\"")),
                fields1: [node1], fields2: [node2])
        }
        if let s1 = node1.selectionSet, let s2 = node2.selectionSet {
            let sub = subSelectionConflicts(exclusive, type1?.namedType, s1, type2?.namedType, s2)
            if !sub.isEmpty {
                return OverlapConflict(
                    reason: (responseName, .subfields(sub.map(\.reason))),
                    fields1: [node1] + sub.flatMap(\.fields1), fields2: [node2] + sub.flatMap(\.fields2))
            }
        }
        return nil
    }
}

/// The response name of a field selection; nil for a fragment.
@inline(__always)
private func plainFieldResponseName(_ selection: SelectionNode) -> String? {
    guard case .field(let field) = selection else { return nil }
    return field.alias?.value ?? field.name.value
}

private func sameArguments(_ args1: [ArgumentNode], _ args2: [ArgumentNode]) -> Bool {
    if args1.isEmpty { return args2.isEmpty }
    if args2.isEmpty || args1.count != args2.count { return false }
    for a1 in args1 {
        guard let a2 = args2.first(where: { $0.name.value == a1.name.value }) else { return false }
        if stableValueString(a1.value) != stableValueString(a2.value) { return false }
    }
    return true
}

/// A value printed with object fields sorted by name (graphql-js's `stringifyValue(sortValueNode(...))`).
private func stableValueString(_ value: ValueNode) -> String {
    switch value {
    case .object(let o):
        return "{" + o.fields.sorted { $0.name.value < $1.name.value }
            .map { "\($0.name.value): \(stableValueString($0.value))" }.joined(separator: ", ") + "}"
    case .list(let l): return "[" + l.values.map(stableValueString).joined(separator: ", ") + "]"
    default: return print(value)
    }
}

private func doTypesConflict(_ t1: GraphQLType, _ t2: GraphQLType) -> Bool {
    if case .list(let i1) = t1 {
        if case .list(let i2) = t2 { return doTypesConflict(i1, i2) }
        return true
    }
    if case .list = t2 { return true }
    if case .nonNull(let i1) = t1 {
        if case .nonNull(let i2) = t2 { return doTypesConflict(i1, i2) }
        return true
    }
    if case .nonNull = t2 { return true }
    if t1.namedType.isLeafType || t2.namedType.isLeafType { return t1.namedType.name != t2.namedType.name }
    return false
}
