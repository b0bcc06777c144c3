"""A static-site generator for a bilingual (zh-Hans / zh-Hant) curated news digest.

The pipeline lives in :mod:`digest.pipeline`; each stage is one module.
"""
