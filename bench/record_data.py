#!/usr/bin/env python3
"""Generates the record benchmark's data as CSV files, one per table (bench/record_pages).

  bench/record_data.py --columns COLUMNS.json --out DIR --people 100000 --conversations 2000000

COLUMNS.json names each table's columns in the migrated schema's order (bench/record_pages
reads them from a freshly migrated SQLite database), so each file loads straight into the
table on either engine (SQLite `.import --csv`, PostgreSQL `\\copy … CSV HEADER`). Every
field is quoted, so an empty text is an empty string on both engines and nothing is NULL.

The shape: people in families of 1 to 6 (parents, children, now and then a grandparent or
kinship carer), Welsh and English names with their diacritics (Siôn, Llŷr, Gwenllïan,
Zoë, O'Brien, ap Gwilym…) and their folded search keys made as Sgwrs makes them
(src/domain/record/name_search.cpp: NFD, marks dropped, case folded, each word and each
name joined); each family allocated to a practitioner of the demo organisation and their
pod, with one to three dated statuses; conversations in proportion to family size (about
20 per person), each with a few hundred characters of strengths, worries and next steps in
the conversation's language, who was there, one or two things that matter in their words,
and for some the voice of a child; a story for a third of the families.

Ids continue after the largest already in the database (--after-* options). Writes
DIR/<table>.csv and DIR/sample.json (ids and names to request in the benchmark).
"""
import argparse
import csv
import json
import os
import random
import unicodedata

GIVEN_CY = """Siôn Llŷr Gwenllïan Dafydd Rhodri Ffion Eleri Angharad Bethan Cerys Elin Gethin Iolo
Tomos Owain Aled Meinir Nia Lowri Catrin Heledd Rhian Sioned Mali Mabli Efa Osian Cai Ianto
Hâf Dyfrig Tesni Llio Ioan Emrys Elis Mared Alaw Branwen Seren Megan Gwion Tudur Deio Mairwen
Siân Gwenno Bleddyn Cadi Morus Tegwen Rhys Gruffydd Ieuan Nest Medi Glesni Eirlys Caron Dylan
Elgan Hywel Iestyn Lleucu Marged Nansi Olwen Pedr Rhiannon Sulwen Taliesin Wyn Ynyr Gwilym
Ffredi Lois Enlli Anwen Llinos Morfudd Dewi Eifion Gwawr Heulwen Ifan Macsen Nedw Trystan""".split()
GIVEN_EN = """Oliver Amelia Jack Olivia Harry Isla George Ava Noah Emily Charlie Sophie Jacob Grace
Alfie Mia Freddie Poppy Oscar Ella Zoë Chloé Renée Siobhán Seán Aoife Chloë Noël Thomas Lily
Leo Evie Arthur Freya Theo Ruby Henry Daisy Archie Rosie Joshua Phoebe Ethan Matilda Logan
Hannah Mason Holly Aaron Jessica Kai Amber Zain Aisha Yusuf Maryam Mohammed Fatima Priya Arjun
Krzysztof Zofia Agnieszka Łukasz Ewa Mateusz Bartosz Małgorzata Jürgen Björn Inès Élodie""".split()
FAMILY = """Jones Williams Davies Evans Thomas Roberts Hughes Lewis Morgan Griffiths Edwards Owen
Price Jenkins Rees Powell Lloyd Parry Pritchard Prosser Llywelyn Rhydderch Glyndŵr Prŷs Bowen
Vaughan Meredith Gruffudd Watkins Howells Khan Patel O'Brien Smith Taylor Brown Wilson Clarke
Bevan Tudur Môn Harris James Phillips Richards Walters Llewellyn Matthews Morris Jenkins-Rees
Pugh Probert Gwynne Bellis Beddoe Cadwaladr Dafis Eynon Ffowc Gethin Gittins Humphreys Ifans
Jarman Lougher Maddock Mostyn Nanney Parri Peredur Powys Rhosier Seisyll Trefor Upton Wynne
Yorath Kowalski Nowak Wiśniewski Dąbrowski Müller Ó'Ceallaigh MacGregor Hussain Begum Ahmed
Singh Kaur Nguyen Okafor Mensah Costa Ferreira Silva Rossi Bianchi García López Martínez""".split()
FAMILY += ["ap Gwilym", "ap Rhys", "ab Owain", "Llŷr-Prys", "Rhys-Thomas", "Vaughan-Jones", "de Courcy"]

PHRASES = {
    "cy": {
        "strengths": [
            "Mae Nain yn cerdded y plant i'r ysgol bob bore ac mae hynny'n help mawr i'r teulu.",
            "Roedd pawb yn chwerthin gyda'i gilydd wrth y bwrdd bwyd am y tro cyntaf ers misoedd.",
            "Mae'r tad wedi dechrau mynd i'r grŵp cefnogi ar nos Iau ac mae'n dweud ei fod yn helpu.",
            "Siaradodd y plentyn hynaf yn agored am ei ffrindiau yn y clwb pêl-droed.",
            "Mae'r cymydog drws nesaf yn barod i warchod pan fydd angen, ac mae'r plant yn ei hoffi.",
            "Mae'r fam wedi cadw'r dyddiadur cwsg bob nos ac mae'r patrwm yn gwella.",
        ],
        "worries": [
            "Mae'r ôl-ddyledion rhent yn poeni'r teulu ac nid yw'r landlord wedi ateb eto.",
            "Dywedodd yr ysgol fod presenoldeb wedi gostwng i wyth deg y cant y tymor hwn.",
            "Mae'r boeler wedi torri ers pythefnos ac mae'r tŷ yn oer gyda'r nos.",
            "Mae'r fam yn teimlo'n unig ers i'w chwaer symud i ffwrdd i Gaerdydd.",
        ],
        "next_steps": [
            "Byddwn yn ffonio'r ysgol gyda'n gilydd ddydd Iau am y llythyr presenoldeb.",
            "Byddaf yn gofyn i'r undeb credyd am gynllun talu newydd cyn y cyfarfod nesaf.",
            "Cyfarfod eto ymhen pythefnos yn y cartref, ar ôl ysgol, gyda Nain yno hefyd.",
        ],
        "quotes": ["Bod yn saff gartref gyda'n gilydd", "Cael mynd i'r clwb ar nos Fercher",
                   "Peidio â symud tŷ eto", "Bod Mam yn hapus", "Cael cysgu drwy'r nos"],
    },
    "en": {
        "strengths": [
            "Nan walks the children to school every morning and the family says it makes all the difference.",
            "Everyone laughed together at the tea table for the first time in months, and said so.",
            "Dad has started going to the Thursday support group and says the others understand him.",
            "The eldest talked openly about her friends at the football club and what she is proud of.",
            "The neighbour next door is happy to babysit when needed and the children like her.",
            "Mum has kept the sleep diary every night and the pattern is getting better week by week.",
        ],
        "worries": [
            "Rent arrears are worrying the family and the landlord has not answered their letter yet.",
            "The school says attendance has fallen to eighty per cent this term, mostly Mondays.",
            "The boiler has been broken for a fortnight and the house is cold in the evenings.",
            "Mum feels isolated since her sister moved away to Cardiff in the summer.",
        ],
        "next_steps": [
            "We will ring the school together on Thursday about the attendance letter.",
            "I will ask the credit union about a new repayment plan before we next meet.",
            "Meet again in a fortnight at home, after school, with Nan there as well.",
        ],
        "quotes": ["Being safe at home together", "Going to the club on Wednesdays",
                   "Not moving house again", "Mum being happy", "Sleeping through the night"],
    },
}
PLACES = ["home"] * 6 + ["school", "office", "phone", "video", "ward", "other"]
LED_TO = ["nothing_formal"] * 6 + ["assessment", "plan", "support_decision"]
STATUSES = ["early_help", "care_and_support_plan", "child_protection_plan", "child_in_care", "none"]
HEARD = ["direct_work", "play", "advocate", "non_verbal", "app", "other"]
SIZES = [1, 2, 3, 4, 5, 6]
SIZE_WEIGHTS = [10, 20, 26, 24, 12, 8]  # mean about 3.4 people per family


def fold_split(text, join):
    """Sgwrs's name folding (domain/record/name_search.cpp) for the names generated here."""
    words, word = [], []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn":
            continue
        if ch.isalnum():
            word.append(ch.casefold())
        elif not join and word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return words


def name_keys(*names):
    keys = set()
    for n in names:
        keys.update(fold_split(n, False))
        keys.update(fold_split(n, True))
    return sorted(keys)


class Table:
    def __init__(self, out, name, columns):
        self.columns = columns
        self.f = open(os.path.join(out, f"{name}.csv"), "w", newline="", encoding="utf-8")
        self.w = csv.writer(self.f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        self.w.writerow(columns)
        self.rows = 0

    def add(self, **row):
        self.w.writerow([row[c] for c in self.columns])
        self.rows += 1

    def close(self):
        self.f.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--columns", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--people", type=int, default=100000)
    ap.add_argument("--conversations", type=int, default=2000000)
    ap.add_argument("--organisation", type=int, default=1)
    ap.add_argument("--workers", required=True, help="user_id:pod_id,… who lead families")
    ap.add_argument("--after-person", type=int, default=0)
    ap.add_argument("--after-family", type=int, default=0)
    ap.add_argument("--after-involvement", type=int, default=0)
    ap.add_argument("--after-conversation", type=int, default=0)
    ap.add_argument("--now", type=int, default=1764633600)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    cols = json.load(open(a.columns))
    workers = [tuple(int(x) for x in w.split(":")) for w in a.workers.split(",")]
    os.makedirs(a.out, exist_ok=True)
    T = {t: Table(a.out, t, cols[t]) for t in
         ["people", "person_name_keys", "families", "family_members", "involvements",
          "involvement_statuses", "conversations", "conversation_present", "conversation_quotes",
          "conversation_voices", "story_versions"]}

    # People in families.
    families = []  # (family id, [(person id, role, is_child)], lead worker)
    pid, fid, vid = a.after_person, a.after_family, a.after_involvement
    sample_people, sample_names = [], []
    while pid - a.after_person < a.people:
        size = min(rnd.choices(SIZES, SIZE_WEIGHTS)[0], a.people - (pid - a.after_person))
        fid += 1
        welsh = rnd.random() < 0.45
        surname = rnd.choice(FAMILY)
        members = []
        for i in range(size):
            pid += 1
            if i == 0 or (i == 1 and size >= 3 and rnd.random() < 0.6):
                role, born, child = "parent", rnd.randint(1968, 2000), False
            elif i == size - 1 and size >= 4 and rnd.random() < 0.25:
                role, born, child = rnd.choice(["grandparent", "kinship_carer"]), rnd.randint(1945, 1970), False
            else:
                role, born, child = "child", rnd.randint(2006, 2024), True
            given = rnd.choice(GIVEN_CY if (welsh or rnd.random() < 0.2) else GIVEN_EN)
            fam = surname if (i == 0 or rnd.random() < 0.85) else rnd.choice(FAMILY)
            preferred = given[:4] if len(given) > 6 and rnd.random() < 0.1 else ""
            lang = "cy" if welsh and rnd.random() < 0.7 else "en"
            T["people"].add(
                id=pid, organisation_id=a.organisation, given_name=given, family_name=fam,
                preferred_name=preferred, pronouns="", date_of_birth=f"{born}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                date_of_birth_expected=0, preferred_language=lang,
                active_offer_on="2025-01-15" if lang == "cy" else "", interpreter=0, bsl=0,
                non_verbal=1 if child and rnd.random() < 0.02 else 0, capacity_notes="",
                communication_other="", version=1, created_at=a.now - rnd.randint(0, 3 * 365 * 86400),
                created_by=workers[0][0])
            for k in name_keys(given, fam, preferred):
                T["person_name_keys"].add(person_id=pid, name_key=k)
            members.append((pid, role, child))
            if rnd.random() < 0.01:
                sample_people.append(pid)
                sample_names.append(f"{given} {fam}")
        worker, pod = rnd.choice(workers)
        T["families"].add(id=fid, organisation_id=a.organisation, name=f"{surname} family" if not welsh else f"Teulu {surname}",
                          version=1, created_at=a.now - rnd.randint(0, 3 * 365 * 86400), created_by=worker)
        for p, role, _ in members:
            T["family_members"].add(family_id=fid, person_id=p, role=role)
        vid += 1
        opened = f"{rnd.randint(2019, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        T["involvements"].add(id=vid, family_id=fid, lead_worker_id=worker, pod_id=pod, opened_on=opened,
                              closed_on="", version=1, created_at=a.now - rnd.randint(0, 3 * 365 * 86400))
        for o in range(1, rnd.randint(1, 3) + 1):
            T["involvement_statuses"].add(involvement_id=vid, ordinal=o, status=rnd.choice(STATUSES),
                                          from_date=opened, changed_by=worker, note="", changed_at=a.now)
        if rnd.random() < 0.33:
            T["story_versions"].add(subject="family", subject_id=fid, version=1,
                                    text=" ".join(rnd.sample(PHRASES["cy" if welsh else "en"]["strengths"], 3)),
                                    author_id=worker, written_at=a.now)
        families.append((fid, members, worker, welsh))

    # Conversations, in proportion to family size (about conversations / people per person).
    per_person = a.conversations / a.people
    cid = a.after_conversation
    made = 0
    budget = a.conversations
    for n, (f, members, worker, welsh) in enumerate(families):
        want = len(members) * per_person
        count = int(want) + (1 if rnd.random() < want - int(want) else 0)
        if n == len(families) - 1:
            count = budget - made
        count = max(0, min(count, budget - made))
        for _ in range(count):
            cid += 1
            made += 1
            lang = "cy" if welsh and rnd.random() < 0.7 else "en"
            P = PHRASES[lang]
            held = f"{rnd.randint(2019, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            state = "draft" if rnd.random() < 0.02 else "finished"
            created = a.now - rnd.randint(0, 3 * 365 * 86400)
            T["conversations"].add(
                id=cid, family_id=f, held_on=held, place=rnd.choice(PLACES), language=lang,
                others_present="Nain" if rnd.random() < 0.1 else "",
                strengths=" ".join(rnd.sample(P["strengths"], 2)), worries=rnd.choice(P["worries"]),
                next_steps=rnd.choice(P["next_steps"]), led_to=rnd.choice(LED_TO), state=state,
                author_id=worker, client_key="", version=1, created_at=created, updated_at=created,
                sensitive_reason="")
            present = rnd.sample(members, min(len(members), rnd.randint(1, 3)))
            for p, _, _ in sorted(present):
                T["conversation_present"].add(conversation_id=cid, person_id=p)
            for o in range(rnd.randint(1, 2)):
                who = rnd.choice(present)[0]
                T["conversation_quotes"].add(conversation_id=cid, ordinal=o, text=rnd.choice(P["quotes"]),
                                             person_id=who, said_by="")
            children = [p for p, _, child in present if child]
            if children and rnd.random() < 0.4:
                T["conversation_voices"].add(conversation_id=cid, person_id=children[0],
                                             said=rnd.choice(P["quotes"]), heard=rnd.choice(HEARD),
                                             share_with="")
    for t in T.values():
        t.close()
    rows = {name: t.rows for name, t in T.items()}
    fams = [[f, [p for p, _, _ in m]] for f, m, _, _ in families]
    json.dump({
        "rows": rows,
        "people": sample_people[:2000],
        "names": sample_names[:2000],
        "families": rnd.sample(fams, min(2000, len(fams))),  # [id, [member ids]]
        "first_person": a.after_person + 1, "last_person": pid,
        "first_family": a.after_family + 1, "last_family": fid,
    }, open(os.path.join(a.out, "sample.json"), "w"), ensure_ascii=False)
    print(" ".join(f"{k}={v}" for k, v in rows.items()))


if __name__ == "__main__":
    main()
