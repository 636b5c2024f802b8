"""The Textual face of interviewcoach. Holds no grading or storage logic."""
