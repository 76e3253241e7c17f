#!/usr/bin/env python3
"""Writes abuse-check7.jsonl from abuse-check7.txt, the form the check set was written in (issue 13, session 13).

Format and rules in abuse_txt_to_jsonl.py (edit the .txt and run this; never edit the .jsonl by hand).
Run: python3 eval/held-out/text-safety/own/write_abuse_check7.py
"""
from abuse_txt_to_jsonl import write

write("abuse-check7")
