"""The command-line commands, one module each; none of them imports Textual."""
