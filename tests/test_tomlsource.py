from interviewcoach.tomlsource import SourceMap

DOC = '''title = "bank"
# a comment with id = 1
[[questions]]
id = "a"
levels = ["pm",
  "apm", # trailing comment, with a comma
  "seniorpm",
]
notes = """
id = "not a key"
[[questions]]
"""
[questions.extra_phrases]
for_whom = ["blind", "low vision"]

[[questions]]
"quoted key" = 1
dotted.key = 2
nested = [[1, 2], [3]]
inline = { a = [1, 2], b = "x,y" }
after = true
'''


def test_keys_tables_and_array_elements_have_their_lines():
    source = SourceMap(DOC)
    assert source.line_of(("title",)) == 1
    assert source.line_of(("questions", 0)) == 3
    assert source.line_of(("questions", 0, "id")) == 4
    assert source.line_of(("questions", 0, "levels", 0)) == 5
    assert source.line_of(("questions", 0, "levels", 1)) == 6
    assert source.line_of(("questions", 0, "levels", 2)) == 7
    assert source.line_of(("questions", 0, "extra_phrases", "for_whom", 1)) == 14


def test_multiline_strings_hide_what_looks_like_keys_and_headers():
    source = SourceMap(DOC)
    assert source.line_of(("questions", 0, "notes")) == 9
    assert source.line_of(("questions", 1)) == 16  # not the header inside the string


def test_quoted_dotted_nested_and_inline_values():
    source = SourceMap(DOC)
    assert source.line_of(("questions", 1, "quoted key")) == 17
    assert source.line_of(("questions", 1, "dotted", "key")) == 18
    assert source.line_of(("questions", 1, "nested", 1, 0)) == 19
    assert source.line_of(("questions", 1, "after")) == 21


def test_missing_key_points_at_nearest_enclosing_table():
    source = SourceMap(DOC)
    assert source.line_of(("questions", 1, "prompt")) == 16
    assert source.line_of(("questions", 0, "extra_phrases", "metrics")) == 13
    assert source.line_of(("nothing",)) is None
