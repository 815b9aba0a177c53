package ui

// Browser is what sharing and exporting need from the browser beyond the DOM Vugu renders.
// The page implements it with syscall/js; tests use a fake. Every callback runs later, with
// the render lock held (so it may change state and the page re-renders after it).
type Browser interface {
	// PageURL is the address of the page (location.href).
	PageURL() string
	// Copy puts text on the clipboard, falling back to the old copy command where the
	// Clipboard API is missing or refused (an insecure context, a sandboxed frame); done
	// says whether either worked.
	Copy(text string, done func(ok bool))
	// Download saves body as a file.
	Download(filename, mime string, body []byte)
	// DownloadPNG draws an SVG onto a canvas at scale× its size and saves it as a PNG.
	DownloadPNG(filename, svg string, width, height, scale int, done func(err error))
	// ReadFile reads the file chosen in the <input type=file> with id inputID as text.
	ReadFile(inputID string, done func(text string, err error))
}
