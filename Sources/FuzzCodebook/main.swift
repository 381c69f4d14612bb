import FuzzSupport

// `Scripts/fuzz.sh codebook SECONDS`: libFuzzer runs FuzzTarget.codebook on every input.
FuzzHarness.run { FuzzTarget.codebook.run($0) }
