package data

import (
	"errors"
	"sync"
)

// The digits behind the "digits" dataset. A native program has the file built in
// (digits_embed.go); in the browser, where 1.4 MB would weigh on every visit, the page fetches
// it only when a visitor picks Digits and hands it over with ProvideDigits.
var digitsSource struct {
	sync.Mutex
	file    []byte // the undecoded file, until the first LoadDigits
	decoded *Digits
}

// ErrDigitsNotLoaded says the digits file has not been provided (in the browser: not fetched yet).
var ErrDigitsNotLoaded = errors.New("digits: the data file is not loaded yet")

// ProvideDigits decodes file and makes it the data of the "digits" dataset.
func ProvideDigits(file []byte) error {
	d, err := DecodeDigits(file)
	if err != nil {
		return err
	}
	digitsSource.Lock()
	defer digitsSource.Unlock()
	digitsSource.file, digitsSource.decoded = nil, d
	return nil
}

// LoadDigits returns the digits, decoding the built-in file on first use. Callers share the
// result and must not modify it.
func LoadDigits() (*Digits, error) {
	digitsSource.Lock()
	defer digitsSource.Unlock()
	if digitsSource.decoded == nil {
		if digitsSource.file == nil {
			return nil, ErrDigitsNotLoaded
		}
		d, err := DecodeDigits(digitsSource.file)
		if err != nil {
			return nil, err
		}
		digitsSource.file, digitsSource.decoded = nil, d
	}
	return digitsSource.decoded, nil
}

// DigitsLoaded reports whether LoadDigits would find the digits without a fetch.
func DigitsLoaded() bool {
	digitsSource.Lock()
	defer digitsSource.Unlock()
	return digitsSource.decoded != nil || digitsSource.file != nil
}
