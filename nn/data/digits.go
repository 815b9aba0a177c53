package data

// The digits file: a fixed, class-balanced subset of MNIST (LeCun, Cortes & Burges; CC BY-SA
// 3.0), made by `go generate ./nn/data` (see mkdigits) and shipped as nn/data/digits.bin, so
// neither the page nor CI downloads anything. Layout, all integers little-endian:
//
//	offset size  field
//	0      8     magic "RPDIGITS"
//	8      2     version, 1
//	10     1     side: images are side×side pixels, row-major, top row first
//	11     1     classes, 10
//	12     2     levels: grey levels kept, 2..256; a stored value v means v/(levels-1)
//	14     2     reserved, 0
//	16     4     train count
//	20     4     test count
//	24     4     CRC-32 (IEEE) of everything after the header
//	28     …     labels: train then test, one byte each, in [0, classes)
//	             pixels: train then test, side² bytes each, in [0, levels), 0 = background
//
// Quantising to a few grey levels (the generator keeps 16) costs the classifier nothing
// visible and lets the file compress to a fraction of its size.

//go:generate go run ./mkdigits -o digits.bin

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// DigitsMagic opens every digits file; DigitsVersion is the layout described above.
const (
	DigitsMagic      = "RPDIGITS"
	DigitsVersion    = 1
	digitsHeaderSize = 28
)

// Digits is the content of a digits file: images of Side×Side pixels, values in [0, 1].
type Digits struct {
	Side, Levels int
	Train, Test  Set // X holds Side² pixels per example, row-major; Dim = Side²
}

// EncodeDigits writes the digits file for the given images. pixels holds side² quantised
// values (in [0, levels)) per image, train images first; labels likewise, one per image.
func EncodeDigits(side, classes, levels, trainN int, labels, pixels []byte) ([]byte, error) {
	n := len(labels)
	switch {
	case side < 1 || side > 255:
		return nil, fmt.Errorf("digits: side %d; want 1 to 255", side)
	case classes < 2 || classes > 255:
		return nil, fmt.Errorf("digits: %d classes; want 2 to 255", classes)
	case levels < 2 || levels > 256:
		return nil, fmt.Errorf("digits: %d grey levels; want 2 to 256", levels)
	case trainN < 0 || trainN > n:
		return nil, fmt.Errorf("digits: %d training images out of %d", trainN, n)
	case len(pixels) != n*side*side:
		return nil, fmt.Errorf("digits: %d pixels for %d images of %d×%d", len(pixels), n, side, side)
	}
	var buf bytes.Buffer
	buf.Grow(digitsHeaderSize + len(labels) + len(pixels))
	buf.WriteString(DigitsMagic)
	head := make([]byte, digitsHeaderSize-len(DigitsMagic))
	binary.LittleEndian.PutUint16(head[0:], DigitsVersion)
	head[2], head[3] = byte(side), byte(classes)
	binary.LittleEndian.PutUint16(head[4:], uint16(levels))
	binary.LittleEndian.PutUint32(head[8:], uint32(trainN))
	binary.LittleEndian.PutUint32(head[12:], uint32(n-trainN))
	crc := crc32.NewIEEE()
	crc.Write(labels)
	crc.Write(pixels)
	binary.LittleEndian.PutUint32(head[16:], crc.Sum32())
	buf.Write(head)
	buf.Write(labels)
	buf.Write(pixels)
	return buf.Bytes(), nil
}

// ErrNotDigits says a file is not a digits file at all (wrong magic).
var ErrNotDigits = errors.New("digits: not a digits file (its first bytes are not \"RPDIGITS\")")

// DecodeDigits reads a digits file, checking its header, its length, its checksum and every
// label and pixel, so a truncated, corrupted or foreign file is a clear error, never a panic.
func DecodeDigits(file []byte) (*Digits, error) {
	if len(file) < len(DigitsMagic) || string(file[:len(DigitsMagic)]) != DigitsMagic {
		return nil, ErrNotDigits
	}
	if len(file) < digitsHeaderSize {
		return nil, fmt.Errorf("digits: file truncated: %d bytes, shorter than its %d-byte header", len(file), digitsHeaderSize)
	}
	h := file[len(DigitsMagic):digitsHeaderSize]
	if v := binary.LittleEndian.Uint16(h[0:]); v != DigitsVersion {
		return nil, fmt.Errorf("digits: file version %d; this program reads version %d (regenerate it with go generate ./nn/data)", v, DigitsVersion)
	}
	side, classes := int(h[2]), int(h[3])
	levels := int(binary.LittleEndian.Uint16(h[4:]))
	trainN := int(binary.LittleEndian.Uint32(h[8:]))
	testN := int(binary.LittleEndian.Uint32(h[12:]))
	switch {
	case side < 1:
		return nil, errors.New("digits: header gives images of side 0")
	case classes < 2:
		return nil, fmt.Errorf("digits: header gives %d classes; want at least 2", classes)
	case levels < 2 || levels > 256:
		return nil, fmt.Errorf("digits: header gives %d grey levels; want 2 to 256", levels)
	case trainN+testN > 1<<22: // also keeps the size arithmetic below from overflowing
		return nil, fmt.Errorf("digits: header gives %d images; at most %d are supported", trainN+testN, 1<<22)
	}
	n, px := trainN+testN, side*side
	if want := digitsHeaderSize + n + n*px; len(file) != want {
		what := "truncated"
		if len(file) > want {
			what = "too long"
		}
		return nil, fmt.Errorf("digits: file %s: %d bytes, but its header promises %d (%d images of %d×%d)", what, len(file), want, n, side, side)
	}
	body := file[digitsHeaderSize:]
	if got, want := crc32.ChecksumIEEE(body), binary.LittleEndian.Uint32(h[16:]); got != want {
		return nil, fmt.Errorf("digits: file corrupted: checksum %08x, header says %08x", got, want)
	}
	labels, pixels := body[:n], body[n:]
	for i, l := range labels {
		if int(l) >= classes {
			return nil, fmt.Errorf("digits: image %d has label %d; want 0 to %d", i, l, classes-1)
		}
	}
	scale := 1 / float64(levels-1)
	x := make([]float64, len(pixels))
	for i, v := range pixels {
		if int(v) >= levels {
			return nil, fmt.Errorf("digits: image %d has grey level %d; want 0 to %d", i/px, v, levels-1)
		}
		x[i] = float64(v) * scale
	}
	y := make([]int, n)
	for i, l := range labels {
		y[i] = int(l)
	}
	return &Digits{
		Side: side, Levels: levels,
		Train: Set{X: x[: trainN*px : trainN*px], Y: y[:trainN:trainN], Classes: classes, Dim: px},
		Test:  Set{X: x[trainN*px:], Y: y[trainN:], Classes: classes, Dim: px},
	}, nil
}

// ShippedDigitsSize is the size of the digits file this program ships (6,000 + 1,000 images
// of 14×14 with their labels, after the header): the page shows the progress of its fetch as
// a share of it, since a compressed transfer's Content-Length counts other bytes.
const ShippedDigitsSize = digitsHeaderSize + 7000*(1+14*14)
