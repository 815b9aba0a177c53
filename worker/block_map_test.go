package worker

import (
	"testing"

	"resnetplayground/proto"
)

// A watched block's output comes with the next report and then with every new boundary
// picture, not with progress reports; it stays watched across a reset, and -1 stops it.
func TestWatchedBlockMapTravelsWithThePictures(t *testing.T) {
	s := newSession()
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: smallSpec()})
	if r := fullReport(s); r.BlockMap != nil {
		t.Fatal("a block map nobody asked for")
	}
	if !s.handle(proto.Command{Kind: proto.CmdWatch, Block: 1}) {
		t.Error("picking a block to watch is not answered at once")
	}
	r := progressReport(s)
	if r.MapBlock != 1 || r.MapN != BlockMapN || r.MapUnits != 8 || len(r.BlockMap) != 8*BlockMapN*BlockMapN {
		t.Fatalf("the answer to watching block 2: block %d, %d×%d, %d units, %d values", r.MapBlock, r.MapN, r.MapN, r.MapUnits, len(r.BlockMap))
	}
	if r := progressReport(s); r.BlockMap != nil {
		t.Error("a progress report resent the map")
	}
	if r := fullReport(s); r.BlockMap == nil {
		t.Error("a new boundary picture came without the watched block's map")
	}
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 2, Spec: smallSpec()})
	if r := progressReport(s); r.MapBlock != 1 || r.BlockMap == nil {
		t.Error("a reset forgot the watched block")
	}
	s.handle(proto.Command{Kind: proto.CmdWatch, Block: 9}) // a block this network does not have
	if r := fullReport(s); r.BlockMap != nil {
		t.Error("a map of a block the network does not have")
	}
	s.handle(proto.Command{Kind: proto.CmdWatch, Block: -1})
	if r := fullReport(s); r.BlockMap != nil {
		t.Error("a map after the page stopped watching")
	}
}
