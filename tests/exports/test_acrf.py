"""The annotated CRF (issue 22 item 5): each form of each study as a blank page, every field
annotated with its SDTM domain and variable, generated from the form registry. The SDTM
zip carries it as acrf.pdf, and define.xml 2.1 points every collected variable at the
pages where it is annotated."""

import io
import re

import pypdf
import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from ecrf import acrf, form_registry
from ecrf.protocol import all_protocols, get_protocol
from ecrf.sdtm.define import annotation_target
from tests.exports.test_define import NS, define_of
from tests.exports.test_sdtm import casebook, export, ranges  # noqa: F401 (fixtures)

XLINK = "{http://www.w3.org/1999/xlink}href"


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, its white space made single spaces (a label or a note that wraps
    reads as one line)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.mark.parametrize("package", ["studies.qh1a", "studies.cips_bal"])
def test_every_registered_field_with_a_variable_is_annotated_on_its_forms_page(package):
    protocol = get_protocol(package)
    annotated = acrf.build(protocol)
    texts = page_texts(annotated.pdf)
    forms = {form.entry.label: form for form in annotated.forms}
    for entry in form_registry.entries():
        if entry.only_where_expected and not protocol.expects(entry.label):
            assert entry.label not in forms  # a form the study does not have
            continue
        form = forms[entry.label]
        first = annotated.pages[entry.label][0]
        assert texts[first - 1].startswith(form.title), entry.label
        for name, annotation in entry.sdtm_variables.items():
            page = annotated.fields[entry.label, name]
            text = texts[page - 1]
            question = next(q for q in form.questions if q.name == name)
            # The field as the page labels it, and beside it the variable it goes to.
            assert question.label in text, (entry.label, name, page)
            assert " ".join(annotation.split()) in text, (entry.label, name, page)
            assert page in annotated.pages_of(entry.sdtm_domain, annotation)


def test_a_field_that_goes_to_no_dataset_says_so_and_choices_are_boxes():
    annotated = acrf.build(get_protocol("studies.qh1a"))
    texts = page_texts(annotated.pdf)
    disposition = next(f for f in annotated.forms if f.entry.label == "ecrf.disposition")
    cause = next(q for q in disposition.questions if q.name == "cause_of_death")
    assert cause.annotation == acrf.NOT_SUBMITTED
    page = texts[annotated.fields["ecrf.disposition", "cause_of_death"] - 1]
    assert f"{cause.label} " in page and acrf.NOT_SUBMITTED in page
    # Vital signs: the units as the entry page labels them; a choice list as boxes.
    vitals = texts[annotated.pages["ecrf.vitalsigns"][0] - 1]
    assert "Systolic BP (mmHg)" in vitals and "VSORRES where VSTESTCD=SYSBP" in vitals
    assert "[ ] Screening" in vitals
    # The lab page lists the study's tests in their standard units, each with its test code.
    labs = " ".join(texts[p - 1] for p in annotated.pages["ecrf.labpanel"])
    assert "Total bilirubin (µmol/L)" in labs and "LBORRES where LBTESTCD=BILI" in labs
    # CiPS-BAL's liver imaging is its own: QH-1A's aCRF has no such page.
    assert "ecrf.liverimaging" not in annotated.pages
    assert "ecrf.liverimaging" in acrf.build(get_protocol("studies.cips_bal")).pages


@pytest.mark.django_db
def test_the_sdtm_zip_carries_the_acrf_and_define_points_collected_variables_at_it(
    qh1a,
    casebook,  # noqa: F811
    tmp_path,
):
    _, archive, _ = export(qh1a, tmp_path)
    pdf = archive.read("acrf.pdf")
    texts = page_texts(pdf)
    assert texts[0].startswith("Annotated Case Report Form")
    document = define_of(archive)
    mdv = document.find("odm:Study/odm:MetaDataVersion", NS)
    crf = mdv.find("def:AnnotatedCRF/def:DocumentRef", NS)
    leaf = mdv.find(f"def:leaf[@ID='{crf.get('leafID')}']", NS)
    assert leaf.get(XLINK) == "acrf.pdf"

    annotated = acrf.build(get_protocol("studies.qh1a"))
    exact = {}
    for form in annotated.forms:
        for question in form.questions:
            if question.submitted:
                target = annotation_target(question.domain, question.annotation)
                exact.setdefault(target, set()).add(
                    annotated.fields[form.entry.label, question.name]
                )
    collected = 0
    for item in mdv.findall("odm:ItemDef", NS):
        origin = item.find("def:Origin", NS)
        if origin.get("Type") != "Collected":
            continue
        collected += 1
        ref = origin.find("def:DocumentRef", NS)
        assert ref is not None and ref.get("leafID") == crf.get("leafID"), item.get("OID")
        pages = [int(p) for p in ref.find("def:PDFPageRef", NS).get("PageRefs").split()]
        assert pages and all(1 <= p <= len(texts) for p in pages), item.get("OID")
        dataset, variable = item.get("OID").split(".")[1:3]
        if (dataset, variable) in exact:
            # A variable a field is annotated with: exactly that field's pages, where the
            # variable's name stands (a SUPP-- QVAL's: "AEOTHSP in SUPPAE").
            assert set(pages) == exact[dataset, variable]
            name = dataset if dataset.startswith("SUPP") else variable
            assert all(re.search(rf"\b{name}\b", texts[p - 1]) for p in pages), item.get("OID")
    assert collected > 20
    # Nothing but Collected origins point at the aCRF.
    for origin in mdv.iter(f"{{{NS['def']}}}Origin"):
        if origin.get("Type") != "Collected":
            assert origin.find("def:DocumentRef", NS) is None
    assert b"acrf.pdf" in archive.read("README.txt")
    assert etree.fromstring(archive.read("define.xml")) is not None


def test_manage_py_acrf_writes_the_pdf(tmp_path):
    for protocol in all_protocols():
        output = tmp_path / f"{protocol.registry_id}.pdf"
        out = io.StringIO()
        call_command("acrf", protocol.registry_id, "--output", str(output), stdout=out)
        assert output.read_bytes() == acrf.build(protocol).pdf
        assert f"{len(acrf.build(protocol).forms)} forms" in out.getvalue()
    with pytest.raises(CommandError, match="No installed study 'NCT00000000'"):
        call_command("acrf", "NCT00000000", "--output", str(tmp_path / "x.pdf"))
