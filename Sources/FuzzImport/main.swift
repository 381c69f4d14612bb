import FuzzSupport

// `Scripts/fuzz.sh import SECONDS`: libFuzzer runs FuzzTarget.refiImport on every input.
FuzzHarness.run { FuzzTarget.refiImport.run($0) }
