"""The wording catalogue: every text a person reads, in German and English."""
