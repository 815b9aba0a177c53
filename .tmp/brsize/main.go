package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"

	"github.com/andybalholm/brotli"
)

func main() {
	q, _ := strconv.Atoi(os.Args[1])
	for _, f := range os.Args[2:] {
		b, _ := os.ReadFile(f)
		var buf bytes.Buffer
		w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: q, LGWin: 24})
		w.Write(b)
		w.Close()
		fmt.Printf("%s: %d bytes, brotli q%d %d bytes\n", f, len(b), q, buf.Len())
	}
}
