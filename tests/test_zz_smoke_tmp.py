def test_smoke(project, stub_llm):
    r = project.postgen("fetch", "--company", "acme")
    print(r)
    r = project.postgen("extract", "--company", "acme", "--llm", stub_llm.url, "--model", "stub")
    print(r.returncode, r.stdout, r.stderr)
    print((project.outputs() / "claims.yaml").read_text())
    for q in stub_llm.requests: print(q.schema_name, q.messages[-1]["content"][:400])
    r = project.cli("extract", "--company", "acme", "--llm", stub_llm.url, "--model", "stub")
    print(r)
