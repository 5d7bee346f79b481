package practice

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadmeTour checks that the README's short tour quotes Example_tour
// (tour_example_test.go) as a program, and the output that the Example
// checks, so that neither can drift from the library. The program is the
// Example's file with package main for package practice_test, func main
// for the Example, and without its doc comment and output comment.
func TestReadmeTour(t *testing.T) {
	src, err := os.ReadFile("tour_example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	program, output := tourProgram(t, string(src))

	section := string(readme)
	start := strings.Index(section, "\n## A short tour\n")
	if start < 0 {
		t.Fatal(`README has no "## A short tour" section`)
	}
	section = section[start+1:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	if diff := cmp.Diff(program, fenced(t, section, "go")); diff != "" {
		t.Errorf("README tour program differs from Example_tour (-example +README):\n%s", diff)
	}
	if diff := cmp.Diff(output, fenced(t, section, "text")); diff != "" {
		t.Errorf("README tour output differs from Example_tour's // Output: (-example +README):\n%s", diff)
	}
}

// tourProgram turns the file of Example_tour into the program the README
// quotes, and returns it with the Example's output.
func tourProgram(t *testing.T, src string) (program, output string) {
	t.Helper()
	var prog, out []string
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	inOutput := false
	for i, line := range lines {
		switch {
		case i == 0:
			if line != "package practice_test" {
				t.Fatalf("tour_example_test.go starts %q, want package practice_test", line)
			}
			prog = append(prog, "package main")
		case strings.HasPrefix(line, "//"):
			// The Example's doc comment.
		case line == "func Example_tour() {":
			prog = append(prog, "func main() {")
		case line == "\t// Output:":
			inOutput = true
		case inOutput && strings.HasPrefix(line, "\t// "):
			out = append(out, strings.TrimPrefix(line, "\t// "))
		default:
			inOutput = false
			prog = append(prog, line)
		}
	}
	if len(out) == 0 {
		t.Fatal("tour_example_test.go: Example_tour has no // Output: lines")
	}
	return strings.Join(prog, "\n") + "\n", strings.Join(out, "\n") + "\n"
}

// fenced returns the text of the first code block of the given language in
// the Markdown text md.
func fenced(t *testing.T, md, lang string) string {
	t.Helper()
	open := "```" + lang + "\n"
	start := strings.Index(md, open)
	if start < 0 {
		t.Fatalf("README tour has no %s block", strings.TrimSpace(open))
	}
	block := md[start+len(open):]
	end := strings.Index(block, "```")
	if end < 0 {
		t.Fatalf("README tour: %s block is not closed", strings.TrimSpace(open))
	}
	return block[:end]
}
