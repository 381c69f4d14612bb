import FuzzSupport

// `Scripts/fuzz.sh csv SECONDS`: libFuzzer runs FuzzTarget.csv on every input.
FuzzHarness.run { FuzzTarget.csv.run($0) }
