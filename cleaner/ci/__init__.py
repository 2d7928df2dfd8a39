"""What the CI commands (`cleaner check|diff|snapshot|compare`) are made of.

- `trace`: clean one document as `clean()` does, keeping the input lines a diff needs;
- `report`: rule-tagged diffs and summaries from a trace's edit log;
- `golden`: golden fixtures (an input and its expected body and fields), checked and updated;
- `baseline`: snapshots of a corpus sample, and what changed since one;
- `github`: annotations and the step summary for GitHub Actions.

The click commands themselves are in `cleaner.commands.ci`.
"""
