package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestMain lets a test run the program as a process of its own, signals and exit codes
// included: with RESNET_CLI_ARGS set, the test binary is the CLI (one argument a line).
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv("RESNET_CLI_ARGS"); ok {
		os.Args = append(os.Args[:1], strings.Split(args, "\n")...)
		main()
		return
	}
	os.Exit(m.Run())
}

// cliProcess starts the CLI with args as a process; its stdout is read line by line.
func cliProcess(t *testing.T, args ...string) (*exec.Cmd, *bufio.Scanner, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "RESNET_CLI_ARGS="+strings.Join(args, "\n"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, bufio.NewScanner(out), &stderr
}

// exitStatus is the exit code of a finished process (-1 if a signal ended it).
func exitStatus(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// Ctrl-C while a network trains whose every step takes about a second (on this project's
// machine): the run stops inside the step, says where it stopped, and exits 1. Before, the
// interrupt was only looked at every --every steps: minutes here.
func TestCLITrainStopsOnInterruptInsideACostlyStep(t *testing.T) {
	cmd, out, stderr := cliProcess(t, "train", "--spec", "w=256&b=256x2r*34&bs=256", "--steps", "100000")
	for out.Scan() { // the run's description comes just before the first step
		if strings.Contains(out.Text(), "100000 steps") {
			break
		}
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	sent := time.Now()
	// Not a timing test: a hang fails it, a slow machine does not.
	watchdog := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer watchdog.Stop()
	rest, _ := io.ReadAll(readerOf(out))
	code := exitStatus(cmd.Wait())
	t.Logf("stopped %v after Ctrl-C", time.Since(sent).Round(time.Millisecond))
	if code != exitFailure || !strings.Contains(string(rest), "interrupted at step 0") {
		t.Errorf("exit %d (want %d), output after the interrupt:\n%s\nstderr:\n%s", code, exitFailure, rest, stderr)
	}
}

// readerOf gives what a Scanner has not read yet, as lines.
func readerOf(s *bufio.Scanner) io.Reader {
	var b bytes.Buffer
	for s.Scan() {
		b.WriteString(s.Text() + "\n")
	}
	return &b
}

// The documented exit codes hold for the program itself (`go run` reports any failure as 1,
// which is why the help says to use a built binary for exit codes).
func TestCLIProcessExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"train", "--steps", "1", "--every", "0", "--points", "100", "--depth", "1"}, exitOK},
		{[]string{"train", "--lr", "0"}, exitUsage},
		{[]string{"frobnicate"}, exitUsage},
	} {
		cmd, out, _ := cliProcess(t, tc.args...)
		io.ReadAll(readerOf(out))
		if code := exitStatus(cmd.Wait()); code != tc.want {
			t.Errorf("%v: exit %d, want %d", tc.args, code, tc.want)
		}
	}
}
