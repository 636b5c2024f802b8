"""The story bank: your behavioural stories, kept as TOML in the data folder, graded with
the behavioural rubric, mapped to the themes interviewers ask, and offered in practice.
A library like grading and the store: no Textual, and the TUI and CLI only render it."""
