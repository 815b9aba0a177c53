package data

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"strings"
	"testing"
)

// tiny is a valid file of three 2×2 images (two for training) with 4 grey levels.
func tiny(t *testing.T) []byte {
	t.Helper()
	f, err := EncodeDigits(2, 3, 4, 2, []byte{0, 2, 1}, []byte{0, 1, 2, 3, 3, 2, 1, 0, 0, 0, 3, 3})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestDigitsRoundTrip(t *testing.T) {
	d, err := DecodeDigits(tiny(t))
	if err != nil {
		t.Fatal(err)
	}
	if d.Side != 2 || d.Levels != 4 || d.Train.Len() != 2 || d.Test.Len() != 1 || d.Train.Classes != 3 || d.Test.Dim != 4 {
		t.Fatalf("decoded %+v", d)
	}
	if d.Train.Y[1] != 2 || d.Test.Y[0] != 1 || d.Train.X[1] != 1.0/3 || d.Train.X[3] != 1 || d.Test.X[2] != 1 {
		t.Fatalf("decoded train %+v test %+v", d.Train, d.Test)
	}
}

func TestDigitsDecodeErrors(t *testing.T) {
	good := tiny(t)
	mutate := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"empty", nil, "not a digits file"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n...."), "not a digits file"},
		{"header cut", good[:20], "truncated"},
		{"body cut", good[:len(good)-1], "truncated"},
		{"extra byte", append(append([]byte(nil), good...), 0), "too long"},
		{"version", mutate(func(b []byte) []byte { binary.LittleEndian.PutUint16(b[8:], 2); return b }), "version 2"},
		{"levels", mutate(func(b []byte) []byte { binary.LittleEndian.PutUint16(b[12:], 1); return b }), "grey levels"},
		{"classes", mutate(func(b []byte) []byte { b[11] = 1; return b }), "classes"},
		{"huge count", mutate(func(b []byte) []byte { binary.LittleEndian.PutUint32(b[16:], 1<<31); return b }), "images"},
		{"flipped pixel", mutate(func(b []byte) []byte { b[len(b)-1] ^= 1; return b }), "checksum"},
	} {
		_, err := DecodeDigits(c.file)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.name, err, c.want)
		}
	}
	if _, err := DecodeDigits([]byte("GIF89a")); !errors.Is(err, ErrNotDigits) {
		t.Errorf("a foreign file: %v, want ErrNotDigits", err)
	}
}

// A label or grey level out of range is caught even when the checksum agrees with it.
func TestDigitsDecodeRejectsOutOfRangeValues(t *testing.T) {
	for _, c := range []struct {
		labels, pixels []byte
		want           string
	}{
		{[]byte{0, 3, 1}, make([]byte, 12), "label 3"},
		{[]byte{0, 1, 1}, []byte{0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0}, "grey level 4"},
	} {
		f, err := EncodeDigits(2, 3, 4, 2, []byte{0, 0, 0}, make([]byte, 12))
		if err != nil {
			t.Fatal(err)
		}
		copy(f[digitsHeaderSize:], c.labels)
		copy(f[digitsHeaderSize+3:], c.pixels)
		reseal(f)
		if _, err := DecodeDigits(f); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}

// reseal rewrites a file's checksum after a test edited its body.
func reseal(f []byte) {
	binary.LittleEndian.PutUint32(f[24:], crc32.ChecksumIEEE(f[digitsHeaderSize:]))
}

func TestEncodeDigitsRejectsBadShapes(t *testing.T) {
	if _, err := EncodeDigits(2, 3, 4, 2, []byte{0, 1, 2}, make([]byte, 11)); err == nil {
		t.Error("11 pixels for three 2×2 images: no error")
	}
	if _, err := EncodeDigits(2, 3, 300, 2, []byte{0, 1, 2}, make([]byte, 12)); err == nil {
		t.Error("300 levels: no error")
	}
}

// TestShippedDigits checks the committed file: 6,000 + 1,000 balanced 14×14 images.
func TestShippedDigits(t *testing.T) {
	f, err := os.ReadFile("digits.bin")
	if err != nil {
		t.Skip("digits.bin not readable here:", err)
	}
	d, err := DecodeDigits(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(f) != ShippedDigitsSize {
		t.Errorf("the file has %d bytes; ShippedDigitsSize says %d", len(f), ShippedDigitsSize)
	}
	if d.Side != 14 || d.Train.Len() != 6000 || d.Test.Len() != 1000 || d.Train.Classes != 10 {
		t.Fatalf("side %d, %d train, %d test, %d classes", d.Side, d.Train.Len(), d.Test.Len(), d.Train.Classes)
	}
	count := make([]int, 10)
	for _, y := range d.Train.Y {
		count[y]++
	}
	for c, n := range count {
		if n != 600 {
			t.Errorf("digit %d: %d training images, want 600", c, n)
		}
	}
}

// TestMakeDigits: the "digits" dataset is the built-in file's, whatever the Config's other
// fields say.
func TestMakeDigits(t *testing.T) {
	train, test, err := Make(Config{Name: DigitsName})
	if err != nil {
		t.Fatal(err)
	}
	if train.Len() != 6000 || test.Len() != 1000 || train.Dim != 196 || train.Classes != 10 {
		t.Fatalf("train %d×%d, test %d, %d classes", train.Len(), train.Dim, test.Len(), train.Classes)
	}
	if !IsImages(DigitsName) || IsImages("spiral") {
		t.Error("IsImages is wrong")
	}
}
