"""Steps: the work a run adds around cleaning, each a feature of its own: site templates
(`templates`: learned before the cleaning pass, removed during it) and duplicates (`dedup`,
with the signatures of `minhash`: signed during the cleaning pass, found after it)."""
