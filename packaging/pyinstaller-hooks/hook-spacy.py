"""spaCy's submodules and data files, without its test suite (in place of the contrib hook)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy", excludes=["tests"])
hiddenimports = collect_submodules("spacy", filter=lambda name: ".tests" not in name)
