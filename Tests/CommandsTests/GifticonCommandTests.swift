import Testing
import Stores
@testable import Commands

@Suite(.freshDatabase) struct GifticonCommandTests {
    @Test func registerListsItOnSaleWithPriceImagesAndTags() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let seller = try await fixtures.user()
        let tags = [try await fixtures.tag(), try await fixtures.tag()]
        let command = try await fixtures.registration(seller: seller, tags: tags + [tags[0]])
        let receipt = try await db.runner.run(command)
        let id = try #require(receipt.id)
        #expect(receipt.version == 1)
        #expect(receipt.affectedIds["gifticons"] == [id])
        #expect(receipt.affectedIds["gifticon_images"]?.count == 2)
        #expect(receipt.affectedIds["tags"] == tags)
        #expect(try await fixtures.status(id) == "ON_SALE")
        let price = try await db.client.query(
            "SELECT base_price, sale_price, currency FROM gifticon_prices WHERE gifticon_id = $1", [String(id)])
        #expect(price.rows == [["4500.00", "3900.50", "KRW"]])
        let images = try await db.client.query(
            "SELECT display_order, is_primary, alt_text FROM gifticon_images WHERE gifticon_id = $1 ORDER BY display_order", [String(id)])
        #expect(images.rows == [["1", "t", "앞면"], ["2", "f", nil]])
        let linked = try await db.client.query("SELECT count(*) FROM gifticon_tags WHERE gifticon_id = $1", [String(id)])
        #expect(linked.rows == [["2"]])
        let slug = try await db.client.query("SELECT slug FROM gifticons WHERE id = $1", [String(id)])
        #expect(slug.rows == [["아메리카노-tall"]])
    }

    @Test func registerRules() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let seller = try await fixtures.user()
        let valid = try await fixtures.registration(seller: seller)
        var past = valid
        past.dueDate = Fixtures.date(offset: -1)
        await expectCommandError(.invalidArgument, field: "dueDate") { _ = try await db.runner.run(past) }
        var today = valid
        today.dueDate = Fixtures.date(offset: 0)
        await expectCommandError(.invalidArgument, field: "dueDate") { _ = try await db.runner.run(today) }
        var malformed = valid
        malformed.dueDate = "2026-02-30"
        await expectCommandError(.invalidArgument, field: "dueDate") { _ = try await db.runner.run(malformed) }
        var above = valid
        above.price = Price(basePrice: 1000, salePrice: 1001)
        await expectCommandError(.invalidArgument, field: "price.salePrice") { _ = try await db.runner.run(above) }
        var zero = valid
        zero.price = Price(basePrice: 0, salePrice: 0)
        await expectCommandError(.invalidArgument, field: "price.basePrice") { _ = try await db.runner.run(zero) }
        var currency = valid
        currency.price.currency = "won"
        await expectCommandError(.invalidArgument, field: "price.currency") { _ = try await db.runner.run(currency) }
        var noImages = valid
        noImages.images = []
        await expectCommandError(.invalidArgument, field: "images") { _ = try await db.runner.run(noImages) }
        var twoPrimary = valid
        twoPrimary.images = [.init(url: "https://a", isPrimary: true), .init(url: "https://b", isPrimary: true)]
        await expectCommandError(.invalidArgument, field: "images") { _ = try await db.runner.run(twoPrimary) }
        var noSeller = valid
        noSeller.sellerId = 987_654
        await expectCommandError(.notFound, field: "sellerId") { _ = try await db.runner.run(noSeller) }
        var noBrand = valid
        noBrand.brandId = 987_654
        await expectCommandError(.notFound, field: "brandId") { _ = try await db.runner.run(noBrand) }
        var noCategory = valid
        noCategory.categoryId = 987_654
        await expectCommandError(.notFound, field: "categoryId") { _ = try await db.runner.run(noCategory) }
        var noTag = valid
        noTag.tagIds = [987_654]
        await expectCommandError(.notFound, field: "tagIds") { _ = try await db.runner.run(noTag) }
        // Nothing of the failed attempts was kept.
        let count = try await db.client.query("SELECT count(*) FROM gifticons WHERE seller_id = $1", [String(seller)])
        #expect(count.rows == [["0"]])
    }

    @Test func changePriceBySellerWhileOnSaleBumpsTheVersion() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, seller) = try await fixtures.gifticonOnSale()
        let receipt = try await db.runner.run(ChangePrice(gifticonId: id, sellerId: seller, price: Price(basePrice: 5000, salePrice: 4200)))
        #expect(receipt.id == id)
        #expect(receipt.version == 2)
        let price = try await db.client.query("SELECT base_price, sale_price, version FROM gifticon_prices WHERE gifticon_id = $1", [String(id)])
        #expect(price.rows == [["5000.00", "4200.00", "2"]])
        let other = try await fixtures.user()
        await expectCommandError(.forbidden, field: "sellerId") {
            _ = try await db.runner.run(ChangePrice(gifticonId: id, sellerId: other, price: Price(basePrice: 5000, salePrice: 100)))
        }
        await expectCommandError(.notFound, field: "gifticonId") {
            _ = try await db.runner.run(ChangePrice(gifticonId: 987_654, sellerId: seller, price: Price(basePrice: 5000, salePrice: 100)))
        }
        await expectCommandError(.invalidArgument, field: "price.salePrice") {
            _ = try await db.runner.run(ChangePrice(gifticonId: id, sellerId: seller, price: Price(basePrice: 5000, salePrice: 5001)))
        }
        _ = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: other))
        await expectCommandError(.conflict, field: "gifticonId") {
            _ = try await db.runner.run(ChangePrice(gifticonId: id, sellerId: seller, price: Price(basePrice: 5000, salePrice: 100)))
        }
    }

    @Test func cancelBySellerWhileOnSale() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (id, seller) = try await fixtures.gifticonOnSale()
        let other = try await fixtures.user()
        await expectCommandError(.forbidden, field: "sellerId") {
            _ = try await db.runner.run(CancelListing(gifticonId: id, sellerId: other))
        }
        let receipt = try await db.runner.run(CancelListing(gifticonId: id, sellerId: seller))
        #expect(receipt.version == 2)
        #expect(try await fixtures.status(id) == "DELETED")
        await expectCommandError(.conflict, field: "gifticonId") {
            _ = try await db.runner.run(CancelListing(gifticonId: id, sellerId: seller))
        }
        await expectCommandError(.conflict) { _ = try await db.runner.run(BuyGifticon(gifticonId: id, buyerId: other)) }
        await expectCommandError(.notFound, field: "gifticonId") {
            _ = try await db.runner.run(CancelListing(gifticonId: 987_654, sellerId: seller))
        }
    }

    @Test func useByBuyerWhileSoldOut() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (onSale, _) = try await fixtures.gifticonOnSale()
        let stranger = try await fixtures.user()
        await expectCommandError(.conflict, field: "gifticonId") {
            _ = try await db.runner.run(UseGifticon(gifticonId: onSale, buyerId: stranger))
        }
        let (id, seller, buyer) = try await fixtures.gifticonSold()
        await expectCommandError(.forbidden, field: "buyerId") {
            _ = try await db.runner.run(UseGifticon(gifticonId: id, buyerId: seller))
        }
        let receipt = try await db.runner.run(UseGifticon(gifticonId: id, buyerId: buyer))
        #expect(receipt.version == 3)
        #expect(try await fixtures.status(id) == "USED")
        await expectCommandError(.conflict, field: "gifticonId") {
            _ = try await db.runner.run(UseGifticon(gifticonId: id, buyerId: buyer))
        }
        await expectCommandError(.notFound, field: "gifticonId") {
            _ = try await db.runner.run(UseGifticon(gifticonId: 987_654, buyerId: buyer))
        }
    }

    @Test func expireTurnsPastDueOnSaleIntoExpiredAndIsSafeToRepeat() async throws {
        let db = try TestDatabase.shared
        let fixtures = Fixtures(db)
        let (due, _) = try await fixtures.gifticonOnSale()
        let (fresh, _) = try await fixtures.gifticonOnSale()
        let (sold, _, _) = try await fixtures.gifticonSold()
        // Time passes: move due dates into the past behind the code's back.
        try await db.client.query(
            "UPDATE gifticons SET due_date = current_date - 1 WHERE id = ANY($1::bigint[])", ["{\(due),\(sold)}"])
        let buyer = try await fixtures.user()
        await expectCommandError(.conflict, field: "gifticonId") {
            _ = try await db.runner.run(BuyGifticon(gifticonId: due, buyerId: buyer))
        }
        let receipt = try await db.runner.run(ExpireGifticons())
        #expect(receipt.affectedIds["gifticons"]?.contains(due) == true)
        #expect(receipt.affectedIds["gifticons"]?.contains(fresh) == false)
        #expect(receipt.id == nil)
        #expect(try await fixtures.status(due) == "EXPIRED")
        #expect(try await fixtures.status(fresh) == "ON_SALE")
        #expect(try await fixtures.status(sold) == "SOLD_OUT")
        let again = try await db.runner.run(ExpireGifticons())
        #expect(again.affectedIds["gifticons"]?.contains(due) == false)
        #expect(again.consistencyToken >= receipt.consistencyToken)
    }
}
