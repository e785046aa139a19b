#!/usr/bin/env python3
"""Writes the corpus of bad inputs used by tests/it/bad_inputs.rs.

Each case is a folder holding only the files that differ from the base year
(tests/data/hand-worked, with the criteria tests/data/mini/criteria.toml), plus `expect`:
    exit <code>
    file <file name the message must name>
    line <line the message must name; 0 when the problem has no line>
    says <a text the message must contain>          (any number of these)
A file `<name>.delete` removes <name> from the base year.
Run it from the repository root: python3 tests/bad/make_corpus.py
"""
import os, shutil

BASE = "tests/data/hand-worked"
OUT = "tests/bad"


def base(name):
    with open(os.path.join(BASE, name), encoding="utf-8") as f:
        return f.read()


def lines(name):
    return base(name).splitlines()


def case(name, files, exit_code, file, line, *says):
    d = os.path.join(OUT, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for fname, content in files.items():
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(os.path.join(d, fname), mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
            f.write(content)
    with open(os.path.join(d, "expect"), "w", encoding="utf-8") as f:
        f.write(f"exit {exit_code}\nfile {file}\nline {line}\n")
        for s in says:
            f.write(f"says {s}\n")


def cp1258(text):
    """Windows-1258 bytes: Vietnamese letters with their tone marks as combining characters."""
    import unicodedata
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def edit(name, lineno, new):
    """The base file with line `lineno` (1-based) replaced by `new`."""
    ls = lines(name)
    ls[lineno - 1] = new
    return "\n".join(ls) + "\n"


def append(name, new):
    return base(name) + new + "\n"


SA = "self-assessment.csv"
PS = "par-survey.csv"
SS = "sipas-survey.csv"
UN = "units.csv"
DE = "deductions.csv"

# self-assessment.csv: line 2 is S1,1.1.1,1,1,,
case("01-sa-malformed-number", {SA: edit(SA, 2, "S1,1.1.1,1.2.3,1,,")}, 4, SA, 2, "is not points", "unit S1, criterion 1.1.1")
case("02-sa-negative-points", {SA: edit(SA, 2, "S1,1.1.1,1,-1,,")}, 4, SA, 2, "outside [0, 1]")
case("03-sa-over-max", {SA: edit(SA, 7, "S1,2.3,0.8,5,,")}, 4, SA, 7, "5 points is outside [0, 1]", "criterion 2.3")
case("04-sa-not-allowed-value", {SA: edit(SA, 10, "S2,1.2,2,0.75,,")}, 4, SA, 10, "not a value the rule gives")
case("05-sa-unknown-unit", {SA: append(SA, "S9,1.1.1,1,1,,")}, 4, SA, 29, 'unknown unit "S9"')
case("06-sa-unknown-criterion", {SA: append(SA, "S1,9.9,1,1,,")}, 4, SA, 29, 'unknown criterion "9.9"')
case("07-sa-duplicate-row", {SA: append(SA, "S1,1.1.1,1,1,,")}, 4, SA, 29, "duplicate row (first at line 2)")
case("08-sa-missing-column", {SA: "\n".join(["unit,criterion,self,value,note"] + [",".join(l.split(",")[:3] + l.split(",")[4:]) for l in lines(SA)[1:]]) + "\n"}, 4, SA, 1, "missing column", "appraised")
case("09-sa-ragged-row", {SA: edit(SA, 4, "S1,1.2,2,N/A,,note,extra,cells")}, 4, SA, 4, "cells but the header has 6 columns")
case("10-sa-row-for-survey-leaf", {SA: append(SA, "S1,1.3,1,1,,")}, 4, SA, 29, "takes no self-assessment row", "scored by officials' survey")
case("11-sa-row-for-parent", {SA: append(SA, "S1,1.1,1,1,,")}, 4, SA, 29, "it has sub-criteria")
case("12-sa-unknown-level", {SA: edit(SA, 8, "S2,1.1.1,,,Ban hành sớm,")}, 4, SA, 8, "is not a level of this criterion")
# a percentage above 100 is scored where a band is open upwards; where none holds it and no
# points are given, the rule cannot score the row
closed = open("tests/data/mini/criteria.toml", encoding="utf-8").read().replace(
    "{ above = 90, points = 2 }", "{ above = 90, to = 100, points = 2 }")
case("13-sa-percent-outside-bands", {SA: edit(SA, 9, "S2,1.1.2,,,120,"), "criteria.toml": closed}, 4, SA, 9, "no band of the rule holds 120")
case("14-sa-count-not-whole", {SA: edit(SA, 12, "S2,2.2,,,2.5,")}, 4, SA, 12, "is not a count")
case("15-sa-value-on-free-points", {SA: edit(SA, 7, "S1,2.3,,,80,")}, 4, SA, 7, "scored by free points")
case("16-sa-missing-row", {SA: "\n".join(l for i, l in enumerate(lines(SA)) if i != 6) + "\n"}, 4, SA, 0, "unit S1, criterion 2.3", "no points, no appraisal and no value")
case("17-sa-nan", {SA: edit(SA, 2, "S1,1.1.1,1,NaN,,")}, 4, SA, 2, '"NaN" is not points')
case("18-sa-huge-number", {SA: edit(SA, 2, "S1,1.1.1,1," + "9" * 45 + ",,")}, 4, SA, 2, "is not points")
case("19-sa-unclosed-quote", {SA: edit(SA, 3, 'S1,1.1.2,2,2,85,"appraised 2 although')}, 4, SA, 3, "a closing quote")
# units.csv
case("20-units-duplicate", {UN: append(UN, "S1,Sở Một lần nữa,so")}, 4, UN, 9, "duplicate unit (first at line 2)")
case("21-units-unknown-group", {UN: edit(UN, 8, "H3,UBND huyện Ba,xa")}, 4, UN, 8, 'unknown group "xa"')
case("22-units-missing-file", {UN + ".delete": ""}, 4, UN, 0, "the file is missing")
case("23-units-empty-file", {UN: ""}, 4, UN, 0, "the file is empty")
case("24-units-binary-file", {UN: bytes(range(256)) * 4}, 4, UN, 0, "not text")
case("25-units-missing-group-column", {UN: "code,name\nS1,Sở Một\n"}, 4, UN, 1, "missing column", "group")
# par-survey.csv: line 2 is c1,R1,S1,A,A,
case("26-ps-unknown-question", {PS: "\n".join([lines(PS)[0] + ",SQ9"] + [l + "," for l in lines(PS)[1:]]) + "\n"}, 4, PS, 1, 'unknown question "SQ9"')
case("27-ps-answer-off-scale", {PS: edit(PS, 2, "c1,R1,S1,E,A,")}, 4, PS, 2, 'answer "E" is off the scale')
case("28-ps-unknown-respondent-group", {PS: edit(PS, 2, "c1,R9,S1,A,A,")}, 4, PS, 2, 'respondent group "R9" does not rate so units')
case("29-ps-duplicate-respondent", {PS: append(PS, "c1,R1,S1,B,B,")}, 4, PS, 20, "rates unit S1 twice (first at line 2)")
case("30-ps-answer-for-other-group", {PS: edit(PS, 2, "c1,R1,S1,A,A,A")}, 4, PS, 2, "an answer to a question about huyen units")
case("31-ps-missing-question-column", {PS: "\n".join(",".join(l.split(",")[:5]) for l in lines(PS)) + "\n"}, 4, PS, 1, "missing column HQ1")
case("32-ps-unknown-unit", {PS: append(PS, "z1,R1,S7,A,A,")}, 4, PS, 20, 'unknown unit "S7"')
# sipas-survey.csv: line 2 is q1,S1,5,4,5
case("33-ss-answer-off-scale", {SS: edit(SS, 2, "q1,S1,6,4,5")}, 4, SS, 2, 'answer "6" is off the scale')
case("34-ss-unknown-item", {SS: "\n".join([lines(SS)[0] + ",I9"] + [l + "," for l in lines(SS)[1:]]) + "\n"}, 4, SS, 1, 'unknown item "I9"')
case("35-ss-duplicate-questionnaire", {SS: append(SS, "q1,S1,5,5,5")}, 4, SS, 32, "appears twice for this unit (first at line 2)")
case("36-ss-missing-item-column", {SS: "\n".join(",".join(l.split(",")[:4]) for l in lines(SS)) + "\n"}, 4, SS, 1, "missing item columns: I3")
case("37-ss-negative-answer", {SS: edit(SS, 3, "q2,S1,-5,5,4")}, 4, SS, 3, 'answer "-5" is off the scale')
# deductions.csv
case("38-ded-unknown-kind", {DE: append(DE, "S1,K9,1,")}, 4, DE, 6, 'unknown deduction kind "K9"')
case("39-ded-negative-times", {DE: edit(DE, 2, "S2,K1,-1,")}, 4, DE, 2, '"-1" is not a number of times')
case("40-ded-duplicate", {DE: append(DE, "S2,K1,2,")}, 4, DE, 6, "duplicate row (first at line 2)")
# encodings
# a Windows-1258 file is detected from its first 64 KiB; a line in another encoding after a
# UTF-8 start is still refused, with its line
long_note = edit(SA, 2, "S1,1.1.1,1,1,," + "x" * 70000)
later = long_note.encode("utf-8").replace(b"appraised 2 although", cp1258("thẩm định 2"))
case("41-enc-not-utf8-after-the-start", {SA: later}, 4, SA, 3, "not UTF-8", "--encoding")
case("42-enc-utf16-without-bom", {UN: base(UN).encode("utf-16-le")}, 4, UN, 0, "UTF-16 text without a byte-order mark")
# found by fuzzing: check computed gaps on a year whose self-assessment could not be opened
case("45-sa-binary-file", {SA: bytes([0, 159, 146, 150]) * 8}, 4, SA, 0, "not text")
# Windows line ends and blank lines: the csv crate alone would name line 9 instead of 12
ls = lines(SA)
rows = [ls[0], ls[1], "", ls[2], ls[3], "", "", ls[4], ls[5], ls[6], ls[7], "S2,1.1.2,,,abc,"] + ls[9:]
case("46-sa-crlf-and-blank-lines", {SA: "\r\n".join(rows) + "\r\n"}, 4, SA, 12, "is not a percentage")
# a column given twice would let one copy silently win
ls = lines(SA)
case("47-sa-column-twice", {SA: "\n".join(["appraised," + ls[0]] + ["0," + l for l in ls[1:]]) + "\n"}, 4, SA, 1, "column appraised appears twice (columns 1 and 5)")
# the criteria
crit = open("tests/data/mini/criteria.toml", encoding="utf-8").read()
broken = crit.replace('code = "1.1"\nname = "Kế hoạch CCHC"\nmax = 3', 'code = "1.1"\nname = "Kế hoạch CCHC"\nmax = 3.5')
line = broken.splitlines().index("max = 3.5") + 1
case("43-criteria-parent-max", {"criteria.toml": broken}, 3, "criteria.toml", line, "node 1.1", "children add up to 3")
case("44-criteria-not-toml", {"criteria.toml": crit.replace("[publish]", "[publish", 1)}, 3, "criteria.toml", crit.splitlines().index("[publish]") + 1, "unclosed table")
print("corpus written")
