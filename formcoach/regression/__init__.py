"""Regression checks: run the coach on labelled clips and compare with their expectations."""
