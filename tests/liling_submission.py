"""The opening of a small fictional submission (a cluster and its cultivation body, 4.1) that
tests of one record written after it share: its prefixes, then two lines, so the lines of what
follows are the same in every test."""

LILING_HEAD = """@prefix ex: <https://example.org/cluster/liling/> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:cluster a bcic:IndustrialCluster ; rdfs:label "醴陵陶瓷产业集群"@zh .
ex:body a bcic:CultivationBody ; bcic:cultivates ex:cluster ; rdfs:label "培育办"@zh .
"""
