#!/usr/bin/env python3
"""Writes abuse-check8.jsonl from abuse-check8.txt, the form the check set was written in (issue 13, session 13, ab8).

Format and rules in abuse_txt_to_jsonl.py (edit the .txt and run this; never edit the .jsonl by hand).
Run: python3 eval/held-out/text-safety/own/write_abuse_check8.py
"""
from abuse_txt_to_jsonl import write

write("abuse-check8")
