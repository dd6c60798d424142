/// The rules of the specification's Validation section with graphql-js's names, in graphql-js's order
/// (`specifiedRules`: the spec's rules, then its recommended MaxIntrospectionDepthRule), then the September 2025
/// edition's operation type existence rule, which graphql-js 16 lacks.
public let specifiedRulesByName: [(name: String, rule: ValidationRule)] = [
    ("ExecutableDefinitionsRule", ExecutableDefinitionsRule),
    ("UniqueOperationNamesRule", UniqueOperationNamesRule),
    ("LoneAnonymousOperationRule", LoneAnonymousOperationRule),
    ("SingleFieldSubscriptionsRule", SingleFieldSubscriptionsRule),
    ("KnownTypeNamesRule", KnownTypeNamesRule),
    ("FragmentsOnCompositeTypesRule", FragmentsOnCompositeTypesRule),
    ("VariablesAreInputTypesRule", VariablesAreInputTypesRule),
    ("ScalarLeafsRule", ScalarLeafsRule),
    ("FieldsOnCorrectTypeRule", FieldsOnCorrectTypeRule),
    ("UniqueFragmentNamesRule", UniqueFragmentNamesRule),
    ("KnownFragmentNamesRule", KnownFragmentNamesRule),
    ("NoUnusedFragmentsRule", NoUnusedFragmentsRule),
    ("PossibleFragmentSpreadsRule", PossibleFragmentSpreadsRule),
    ("NoFragmentCyclesRule", NoFragmentCyclesRule),
    ("UniqueVariableNamesRule", UniqueVariableNamesRule),
    ("NoUndefinedVariablesRule", NoUndefinedVariablesRule),
    ("NoUnusedVariablesRule", NoUnusedVariablesRule),
    ("KnownDirectivesRule", KnownDirectivesRule),
    ("UniqueDirectivesPerLocationRule", UniqueDirectivesPerLocationRule),
    ("KnownArgumentNamesRule", KnownArgumentNamesRule),
    ("UniqueArgumentNamesRule", UniqueArgumentNamesRule),
    ("ValuesOfCorrectTypeRule", ValuesOfCorrectTypeRule),
    ("ProvidedRequiredArgumentsRule", ProvidedRequiredArgumentsRule),
    ("VariablesInAllowedPositionRule", VariablesInAllowedPositionRule),
    ("OverlappingFieldsCanBeMergedRule", OverlappingFieldsCanBeMergedRule),
    ("UniqueInputFieldNamesRule", UniqueInputFieldNamesRule),
    ("MaxIntrospectionDepthRule", MaxIntrospectionDepthRule),
    ("KnownOperationTypesRule", KnownOperationTypesRule),
]

/// Every specified rule (see `specifiedRulesByName`).
public let specifiedRules: [ValidationRule] = specifiedRulesByName.map(\.rule)
