package main

import "testing"

func TestParseRef(t *testing.T) {
	cases := []struct{ in, path, reference string }{
		{"redis", "library/redis", "latest"},
		{"redis:7", "library/redis", "7"},
		{"bitnami/redis", "bitnami/redis", "latest"},
		{"docker.io/library/nginx:alpine", "library/nginx", "alpine"},
		{"index.docker.io/library/nginx", "library/nginx", "latest"},
		{"example.org/team/tool:1.0", "example.org/team/tool", "1.0"},
		{"Localhost:5000/x", "localhost_5000/x", "latest"},
		{"registry.k8s.io/pause@sha256:abc", "registry.k8s.io/pause", "sha256:abc"},
	}
	for _, c := range cases {
		ref, ok := parseRef(c.in)
		if !ok || ref.registryPath() != c.path || ref.reference != c.reference {
			t.Errorf("parseRef(%q) = %+v %v; want path %q reference %q", c.in, ref, ok, c.path, c.reference)
		}
	}
	if _, ok := parseRef("  "); ok {
		t.Error("an empty image must not parse")
	}
}
