package validate

// Rule233 exposes rule233 to the tests until its entry in rules_field.go
// takes it (see rules_233.go).
var Rule233 = rule233
