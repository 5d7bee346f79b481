package validate

// rule233: an episode that has not ceased (no date episode ceased, DEC)
// has no reason for placement change. The open validator reads a column
// DATE_EPISODE_CEASED that no return has; the DfE's field is DEC
// (testdata/disagreements.json). A DEC that is given but is not a date
// is another rule's concern: the episode is not taken to be open.
//
// Its entry is in rules_field.go (family field); this function is kept
// here, with the sequence, age and duration rules' issue-15 work, and the
// entry takes Check: rule233 when the branches are merged.
func rule233(c *Check) {
	eps := c.Table(episodes)
	dec, rpc := eps.Column("DEC"), eps.Column("REASON_PLACE_CHANGE")
	for i := range eps.Len() {
		if dec.Blank(i) && !rpc.Blank(i) {
			c.Flag(eps, i)
		}
	}
}
