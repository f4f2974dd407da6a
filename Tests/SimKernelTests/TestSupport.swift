import Testing

/// `#expect` for expressions with side effects (mutating calls), which the macro cannot take.
func check(_ condition: Bool, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(condition, comment, sourceLocation: sourceLocation)
}
