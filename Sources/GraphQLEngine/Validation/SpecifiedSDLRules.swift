/// The rules a type-system document must pass before a schema is built from it, with graphql-js's names, in
/// graphql-js's order (`specifiedSDLRules`).
public let specifiedSDLRulesByName: [(name: String, rule: SDLValidationRule)] = [
    ("LoneSchemaDefinitionRule", LoneSchemaDefinitionRule),
    ("UniqueOperationTypesRule", UniqueOperationTypesRule),
    ("UniqueTypeNamesRule", UniqueTypeNamesRule),
    ("UniqueEnumValueNamesRule", UniqueEnumValueNamesRule),
    ("UniqueFieldDefinitionNamesRule", UniqueFieldDefinitionNamesRule),
    ("UniqueArgumentDefinitionNamesRule", UniqueArgumentDefinitionNamesRule),
    ("UniqueDirectiveNamesRule", UniqueDirectiveNamesRule),
    ("KnownTypeNamesRule", KnownTypeNamesRule),
    ("KnownDirectivesRule", KnownDirectivesRule),
    ("UniqueDirectivesPerLocationRule", UniqueDirectivesPerLocationRule),
    ("PossibleTypeExtensionsRule", PossibleTypeExtensionsRule),
    ("KnownArgumentNamesOnDirectivesRule", KnownArgumentNamesOnDirectivesRule),
    ("UniqueArgumentNamesRule", UniqueArgumentNamesRule),
    ("UniqueInputFieldNamesRule", UniqueInputFieldNamesRule),
    ("ProvidedRequiredArgumentsOnDirectivesRule", ProvidedRequiredArgumentsOnDirectivesRule),
]

/// Every SDL rule (see `specifiedSDLRulesByName`).
public let specifiedSDLRules: [SDLValidationRule] = specifiedSDLRulesByName.map(\.rule)
