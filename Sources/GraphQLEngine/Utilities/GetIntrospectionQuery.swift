/// Which optional parts the introspection query asks for (graphql-js's `IntrospectionOptions`).
public struct IntrospectionOptions: Sendable {
    public var descriptions = true
    public var specifiedByUrl = false
    public var directiveIsRepeatable = false
    public var schemaDescription = false
    public var inputValueDeprecation = false
    public var oneOf = false

    public init(descriptions: Bool = true, specifiedByUrl: Bool = false, directiveIsRepeatable: Bool = false,
                schemaDescription: Bool = false, inputValueDeprecation: Bool = false, oneOf: Bool = false) {
        self.descriptions = descriptions
        self.specifiedByUrl = specifiedByUrl
        self.directiveIsRepeatable = directiveIsRepeatable
        self.schemaDescription = schemaDescription
        self.inputValueDeprecation = inputValueDeprecation
        self.oneOf = oneOf
    }

    /// The options of the `graphql introspect` tool.
    public static let tool = IntrospectionOptions(
        descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true,
        inputValueDeprecation: true)
}

/// The standard introspection query text, as graphql-js's `getIntrospectionQuery`.
public func getIntrospectionQuery(_ options: IntrospectionOptions = IntrospectionOptions()) -> String {
    let description = options.descriptions ? "description" : ""
    let specifiedByURL = options.specifiedByUrl ? "specifiedByURL" : ""
    let isRepeatable = options.directiveIsRepeatable ? "isRepeatable" : ""
    let schemaDescription = options.schemaDescription ? description : ""
    let oneOf = options.oneOf ? "isOneOf" : ""
    func inputDeprecation(_ s: String) -> String { options.inputValueDeprecation ? s : "" }
    return """
        query IntrospectionQuery {
          __schema {
            \(schemaDescription)
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types {
              ...FullType
            }
            directives {
              name
              \(description)
              \(isRepeatable)
              locations
              args\(inputDeprecation("(includeDeprecated: true)")) {
                ...InputValue
              }
            }
          }
        }

        fragment FullType on __Type {
          kind
          name
          \(description)
          \(specifiedByURL)
          \(oneOf)
          fields(includeDeprecated: true) {
            name
            \(description)
            args\(inputDeprecation("(includeDeprecated: true)")) {
              ...InputValue
            }
            type {
              ...TypeRef
            }
            isDeprecated
            deprecationReason
          }
          inputFields\(inputDeprecation("(includeDeprecated: true)")) {
            ...InputValue
          }
          interfaces {
            ...TypeRef
          }
          enumValues(includeDeprecated: true) {
            name
            \(description)
            isDeprecated
            deprecationReason
          }
          possibleTypes {
            ...TypeRef
          }
        }

        fragment InputValue on __InputValue {
          name
          \(description)
          type { ...TypeRef }
          defaultValue
          \(inputDeprecation("isDeprecated"))
          \(inputDeprecation("deprecationReason"))
        }

        fragment TypeRef on __Type {
          kind
          name
          ofType {
            kind
            name
            ofType {
              kind
              name
              ofType {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                    ofType {
                      kind
                      name
                      ofType {
                        kind
                        name
                        ofType {
                          kind
                          name
                          ofType {
                            kind
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """
}
