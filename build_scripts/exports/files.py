"""Every data file of the site, by its site path, for the Markdown tree."""
from __future__ import annotations

from ..model.load import EditionModel
from . import locations
from .cmif import cmif
from .corpus_zip import corpus_zip
from .registers_data import register_csvs, registers_data, registers_json
from .texts import text_files


def data_files(model: EditionModel) -> dict[str, bytes]:
    data = registers_data(model)
    files = {locations.TEI_ZIP: corpus_zip(model), locations.REGISTERS_JSON: registers_json(model, data),
             **register_csvs(model, data), **text_files(model), locations.CMIF: cmif(model)}
    assert sorted(files) == sorted(locations.data_paths(model)), "data_paths() must list every data file"
    return files
