"""The register's short address: the office's own city and province, the Kel./Kec. labels and RT/RW zeros go."""

from __future__ import annotations

import pytest

from app.domain.addresses import register_address


@pytest.mark.parametrize(
    ("address", "short"),
    [
        ("Kp. Kebon Jahe RT 012/RW 005\nKel. Lebakwangi, Kec. Walantaka, Kota Serang, Banten",
         "Kp. Kebon Jahe RT 12/RW 5, Lebakwangi, Walantaka"),
        ("Jl. Veteran No. 31, RT 011/RW 005, Kelurahan Kaligandu, Kecamatan Serang, Serang, Prov. Banten",
         "Jl. Veteran No. 31, RT 11/RW 5, Kaligandu, Serang"),
        # another city stays: only the office's own city and a province are left out
        ("Jl. Raya Cilegon No. 5, Kota Cilegon, Banten", "Jl. Raya Cilegon No. 5, Kota Cilegon"),
        ("Jl. Merdeka 1, Kab. Pandeglang, Banten", "Jl. Merdeka 1, Kab. Pandeglang"),
        # nothing but local parts: one is kept, no blank cell
        ("Kota Serang, Banten", "Kota Serang"),
        ("", ""),
    ],
)  # fmt: skip
def test_register_address(address: str, short: str) -> None:
    assert register_address(address, "Serang") == short
