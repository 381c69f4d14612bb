import FuzzSupport

// `Scripts/fuzz.sh archive SECONDS`: libFuzzer runs FuzzTarget.archive on every input.
FuzzHarness.run { FuzzTarget.archive.run($0) }
