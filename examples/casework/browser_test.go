package main

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/examples/internal/cohort"
	"github.com/lookedafter/practice/timeline"
)

// This file checks the pictures in a real browser: Debian's chromium,
// driven directly with its command-line switches (--headless --dump-dom
// --screenshot, console messages on standard error with --enable-logging),
// so that the module needs no dependency to drive it. .ci/run installs
// chromium and sets PRACTICE_REQUIRE_BROWSER=1, which turns the skip
// where it is missing into a failure.
//
// go test ./examples/casework -run TestBrowser -screenshots rewrites the
// README's screenshots, docs/cohort.png and docs/timeline.png.

var screenshots = flag.Bool("screenshots", false, "rewrite the README's screenshots in docs/ from the browser test")

// requireBrowser names the environment variable that makes the browser
// test required.
const requireBrowser = "PRACTICE_REQUIRE_BROWSER"

// chromium returns the path of the Chromium binary, or skips the test
// (fails it when requireBrowser is set).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv(requireBrowser) == "1" {
		t.Fatalf("no chromium on PATH, and %s=1 requires the browser test", requireBrowser)
	}
	t.Skipf("no chromium on PATH: the browser test is skipped (install Debian's chromium package to run it; %s=1 makes this a failure)", requireBrowser)
	return ""
}

// loaded is what the browser made of a file: the DOM it built, a
// screenshot of the window, and the console messages it logged.
type loaded struct {
	dom     string
	shot    []byte
	console []string
}

// load opens the file at path in headless Chromium with a window of w by
// h pixels. A new profile each time keeps runs apart; the switches turn
// off everything that would reach the network (the page is a local file
// that fetches nothing). --no-sandbox lets it run as root, as CI does.
func load(t *testing.T, bin, path string, w, h int) loaded {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	shot := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
		"--hide-scrollbars", "--user-data-dir="+filepath.Join(dir, "profile"), "--enable-logging=stderr", "--v=0",
		"--window-size="+strconv.Itoa(w)+","+strconv.Itoa(h), "--screenshot="+shot, "--dump-dom", "file://"+filepath.ToSlash(abs))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", path, err, stderr.String())
	}
	var l loaded
	l.dom = stdout.String()
	if l.shot, err = os.ReadFile(shot); err != nil {
		t.Fatalf("chromium wrote no screenshot of %s: %v\n%s", path, err, stderr.String())
	}
	// Chromium logs each console message as "...:INFO:CONSOLE(line)] "message", source: ...".
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, ":CONSOLE") {
			l.console = append(l.console, line)
		}
	}
	return l
}

var heightRE = regexp.MustCompile(`<svg [^>]*height="([0-9.]+)"`)

// checkShot fails t if the screenshot is blank: a page that rendered
// holds text, bars and marks in many colours.
func checkShot(t *testing.T, name string, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: screenshot is not a PNG: %v", name, err)
	}
	colours := map[[3]uint32]bool{}
	inked, total := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if r>>8 < 230 || g>>8 < 230 || bl>>8 < 230 {
				inked++
			}
			total++
		}
	}
	if len(colours) < 64 || inked*100 < total*2 {
		t.Errorf("%s: screenshot %dx%d looks blank: %d colours, %.2f%% of pixels not white", name, b.Dx(), b.Dy(),
			len(colours), 100*float64(inked)/float64(total))
	}
	t.Logf("%s: screenshot %dx%d, %d colours, %.1f%% of pixels not white", name, b.Dx(), b.Dy(), len(colours), 100*float64(inked)/float64(total))
	return img
}

// TestBrowser renders the cohort page and a timeline in headless
// Chromium, and checks each: no console message (the page runs no script,
// so any message is the browser complaining, such as a fetch its
// Content-Security-Policy blocked), the DOM's text against the JSON output
// (every drifting child's ID, every rate), the marks of each timeline
// against its child's findings with a due date, and a screenshot that is
// not blank. A probe page first shows that console capture works with
// this Chromium, so that "no console message" means something.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()

	t.Run("console capture works", func(t *testing.T) {
		probe := filepath.Join(dir, "probe.html")
		if err := os.WriteFile(probe, []byte(`<!DOCTYPE html><title>probe</title><p>probe</p><script>console.error("practice-probe")</script>`), 0o644); err != nil {
			t.Fatal(err)
		}
		l := load(t, bin, probe, 400, 300)
		if !strings.Contains(strings.Join(l.console, "\n"), "practice-probe") {
			t.Fatalf("console capture caught nothing from a page that logs an error; got %q", l.console)
		}
	})

	t.Run("cohort page", func(t *testing.T) {
		const top = "6"
		pagePath := filepath.Join(dir, "report.html")
		start := time.Now()
		page := runOK(t, "", "-format", "html", "-top", top)
		t.Logf("page written in %v: %d bytes", time.Since(start).Round(time.Millisecond), len(page))
		if err := os.WriteFile(pagePath, page, 0o644); err != nil {
			t.Fatal(err)
		}
		start = time.Now()
		l := load(t, bin, pagePath, 1280, 2200)
		t.Logf("rendered in Chromium in %v", time.Since(start).Round(time.Millisecond))
		if len(l.console) > 0 {
			t.Errorf("console messages:\n%s", strings.Join(l.console, "\n"))
		}
		js := readJSON(t, "-top", top)
		if n := checkPage(t, l.dom, js); n != len(js.Drifting) {
			t.Errorf("the DOM has %d timelines, want %d", n, len(js.Drifting))
		}
		checkShot(t, "cohort page", l.shot)
		if *screenshots {
			writeShot(t, "cohort.png", l.shot)
		}
	})

	t.Run("timeline", func(t *testing.T) {
		// The child of the cohort with the most findings.
		cases, err := cohort.Cases()
		if err != nil {
			t.Fatal(err)
		}
		var c practice.Case
		var rep care.Report
		for _, k := range cases {
			r, err := practice.Assess(k, cohort.AsOf, practice.Standards{}, care.EnglandAndWales())
			if err == nil && len(r) > len(rep) {
				c, rep = k, r
			}
		}
		var b bytes.Buffer
		if err := timeline.SVG(&b, c, rep, cohort.AsOf, timeline.Options{}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "timeline.svg")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		m := svgRE.FindStringSubmatch(b.String())
		if m == nil {
			t.Fatal("the timeline is not an <svg> with data-child")
		}
		h := heightRE.FindStringSubmatch(b.String())
		if h == nil {
			t.Fatal("the timeline has no height")
		}
		height, err := strconv.ParseFloat(h[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		l := load(t, bin, path, 960, int(math.Ceil(height)))
		if len(l.console) > 0 {
			t.Errorf("console messages:\n%s", strings.Join(l.console, "\n"))
		}
		want := 0
		for _, f := range rep {
			if !f.Due.IsZero() {
				want++
			}
		}
		if got := len(markRE.FindAllString(l.dom, -1)); got != want {
			t.Errorf("timeline of %s in the DOM: %d marks, want %d (its findings with a due date)", c.Care.Child.ID, got, want)
		}
		t.Logf("timeline of %s: %d bytes, %d findings, %d marks, %.0f pixels high", c.Care.Child.ID, b.Len(), len(rep), want, height)
		checkShot(t, "timeline", l.shot)
		if *screenshots {
			writeShot(t, "timeline.png", l.shot)
		}
	})
}

// writeShot writes a screenshot into the repository's docs directory.
func writeShot(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join("..", "..", "docs", name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
