/// The Korean words the seed builds its rows from (the original dataset's style: 식음료 > 커피/차 > 아메리카노).
enum SeedVocabulary {
    struct Node {
        let name: String
        let slug: String
        let children: [Node]

        init(_ name: String, _ slug: String, _ children: [Node] = []) {
            self.name = name
            self.slug = slug
            self.children = children
        }
    }

    /// 7 top-level categories, 14 in the middle, 40 leaves: 61, like the original's tree.
    static let categories: [Node] = [
        Node("식음료", "food-beverage", [
            Node("커피/차", "coffee-tea", [Node("아메리카노", "americano"), Node("라떼", "latte"), Node("녹차", "green-tea")]),
            Node("디저트", "dessert", [Node("케이크", "cake"), Node("아이스크림", "ice-cream"), Node("도넛", "donut")]),
        ]),
        Node("외식", "dining", [
            Node("패스트푸드", "fast-food", [Node("버거", "burger"), Node("치킨", "chicken"), Node("피자", "pizza")]),
            Node("레스토랑", "restaurant", [Node("한식", "korean-food"), Node("양식", "western-food"), Node("일식", "japanese-food")]),
        ]),
        Node("편의점/마트", "convenience-mart", [
            Node("편의점", "convenience-store", [Node("도시락", "lunchbox"), Node("과자", "snack-bar"), Node("음료", "drink")]),
            Node("마트", "mart", [Node("생필품", "daily-necessities"), Node("신선식품", "fresh-food"), Node("세제", "detergent")]),
        ]),
        Node("뷰티", "beauty", [
            Node("스킨케어", "skincare", [Node("토너", "toner"), Node("크림", "cream"), Node("마스크팩", "mask-pack")]),
            Node("메이크업", "makeup", [Node("립스틱", "lipstick"), Node("쿠션", "cushion"), Node("향수", "perfume")]),
        ]),
        Node("생활", "living", [
            Node("생활용품", "household", [Node("휴지", "tissue"), Node("주방용품", "kitchenware"), Node("욕실용품", "bath")]),
            Node("건강", "health", [Node("비타민", "vitamin"), Node("홍삼", "red-ginseng"), Node("헬스", "fitness")]),
        ]),
        Node("문화/여가", "culture", [
            Node("영화", "movie", [Node("영화관람권", "movie-ticket"), Node("팝콘", "popcorn")]),
            Node("공연", "performance", [Node("뮤지컬", "musical"), Node("콘서트", "concert")]),
        ]),
        Node("디지털/상품권", "digital", [
            Node("상품권", "gift-card", [Node("백화점상품권", "department-store-card"), Node("문화상품권", "culture-card"), Node("도서상품권", "book-card")]),
            Node("게임/OTT", "game-ott", [Node("게임", "game"), Node("OTT", "ott"), Node("음원", "music-streaming")]),
        ]),
    ]

    /// Tag variants: each category name alone and with these (61 x 11 = 671 tags, like the original's 668).
    static let tagVariants: [(name: String, slug: String)] = [
        ("", ""), ("대용량", "large-size"), ("베스트", "best"), ("선물용", "gift"), ("실속형", "value"), ("인기", "popular"),
        ("정기배송", "subscription"), ("추천", "recommended"), ("프리미엄", "premium"), ("한정판", "limited"), ("할인", "discount"),
    ]

    /// 10 x 10 = 100 brands.
    static let brandPrefixes: [(String, String)] = [
        ("행복", "haengbok"), ("하늘", "haneul"), ("푸른", "pureun"), ("달빛", "dalbit"), ("별빛", "byeolbit"),
        ("바다", "bada"), ("초록", "chorok"), ("햇살", "haetsal"), ("구름", "gureum"), ("봄날", "bomnal"),
    ]
    static let brandKinds: [(String, String)] = [
        ("커피", "coffee"), ("베이커리", "bakery"), ("마트", "mart"), ("치킨", "chicken"), ("버거", "burger"),
        ("분식", "bunsik"), ("뷰티", "beauty"), ("서점", "books"), ("시네마", "cinema"), ("약국", "pharmacy"),
    ]

    static let surnames: [(String, String)] = [
        ("김", "gim"), ("이", "i"), ("박", "bak"), ("최", "choe"), ("정", "jeong"), ("강", "gang"), ("조", "jo"),
        ("윤", "yun"), ("장", "jang"), ("임", "im"), ("한", "han"), ("오", "o"),
    ]
    static let givenNames: [(String, String)] = [
        ("민준", "minjun"), ("서연", "seoyeon"), ("도윤", "doyun"), ("지우", "jiu"), ("하준", "hajun"), ("서윤", "seoyun"),
        ("예준", "yejun"), ("지민", "jimin"), ("시우", "siu"), ("수아", "sua"), ("주원", "juwon"), ("하은", "haeun"),
        ("지호", "jiho"), ("민서", "minseo"), ("영수", "yeongsu"), ("순옥", "sunok"),
    ]
    static let mailDomains = ["naver.com", "daum.net", "gmail.com", "kakao.com", "nate.com"]

    static let productKinds = ["교환권", "1만원권", "세트", "기프티콘", "모바일쿠폰"]
    static let descriptions = [
        "소중한 분께 선물해보세요.", "지금 바로 사용해보세요.", "실속 있는 가격으로 준비했습니다.", "유효기간 내 자유롭게 사용하세요.",
        "편의점, 카페 등 다양한 매장에서 교환 가능해요.", "받는 사람을 기쁘게 해줄 선물입니다.", "즉시 사용 가능한 모바일 쿠폰입니다.",
    ]
    static let reviewTitles = [
        "정말 만족해요", "사용하기 편했어요", "재구매 의사 있어요", "할인해서 샀어요", "기대 이상이에요", "디자인이 예뻐요", "배송도 빨랐어요",
    ]
    static let reviewContents = [
        "잘 사용했습니다. 주변에도 추천하고 싶어요.", "문제없이 사용했고 혜택도 많아서 좋았어요.", "선물용으로 구매했는데 받는 사람이 좋아했어요.",
        "예쁘고 실용적이에요. 만족합니다.", "가격 대비 괜찮은 제품이었어요. 추천합니다.", "교환도 문제없이 잘 됐어요.",
    ]
}
