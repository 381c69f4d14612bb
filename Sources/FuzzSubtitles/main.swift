import FuzzSupport

// `Scripts/fuzz.sh subtitles SECONDS`: libFuzzer runs FuzzTarget.subtitles on every input.
FuzzHarness.run { FuzzTarget.subtitles.run($0) }
