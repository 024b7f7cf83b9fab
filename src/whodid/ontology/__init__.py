"""The event ontologies: CAMEO codes, PLOVER types and modes, ACLED event types.

All tables are data files under ``whodid/data/ontology/`` (see the README there), read once
and checked on first use.
"""

from whodid.ontology._files import OntologyDataError
from whodid.ontology.acled import (
    AcledRule,
    AcledTable,
    acled_for,
    acled_rule_for,
    acled_types,
    load_acled_table,
)
from whodid.ontology.cameo import (
    CameoCode,
    all_cameo_codes,
    cameo_info,
    is_cameo_code,
    load_cameo_codes,
    nearest_cameo_code,
    penta_class_name,
    penta_for_root,
    quad_class_name,
)
from whodid.ontology.plover import (
    PLOVER_TYPE_NAMES,
    PloverMapping,
    PloverOntology,
    PloverType,
    load_cameo_plover,
    load_plover_ontology,
    plover_context_names,
    plover_contexts,
    plover_for,
    plover_mapping,
    plover_quad_class,
    plover_types,
)

__all__ = [
    "PLOVER_TYPE_NAMES",
    "AcledRule",
    "AcledTable",
    "CameoCode",
    "OntologyDataError",
    "PloverMapping",
    "PloverOntology",
    "PloverType",
    "acled_for",
    "acled_rule_for",
    "acled_types",
    "all_cameo_codes",
    "cameo_info",
    "is_cameo_code",
    "load_acled_table",
    "load_cameo_codes",
    "load_cameo_plover",
    "load_plover_ontology",
    "nearest_cameo_code",
    "penta_class_name",
    "penta_for_root",
    "plover_context_names",
    "plover_contexts",
    "plover_for",
    "plover_mapping",
    "plover_quad_class",
    "plover_types",
    "quad_class_name",
]
