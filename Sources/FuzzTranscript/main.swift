import FuzzSupport

// `Scripts/fuzz.sh transcript SECONDS`: libFuzzer runs FuzzTarget.transcript on every input.
FuzzHarness.run { FuzzTarget.transcript.run($0) }
