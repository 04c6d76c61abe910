package main

import "strings"

// imageRef is an image reference as Docker and containerd read it ("redis" is
// docker.io/library/redis:latest), and where the lab registry keeps it.
type imageRef struct {
	host, repository, reference string
}

// parseRef reads a pod's image field; ok is false for what no registry could serve.
func parseRef(text string) (imageRef, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return imageRef{}, false
	}
	name, digest, hasDigest := strings.Cut(text, "@")
	host := "docker.io"
	rest := name
	if first, after, found := strings.Cut(name, "/"); found &&
		(strings.ContainsAny(first, ".:") || first == "localhost") {
		host, rest = strings.ToLower(first), after
	}
	if host == "index.docker.io" {
		host = "docker.io"
	}
	reference := "latest"
	if colon := strings.LastIndex(rest, ":"); colon > strings.LastIndex(rest, "/") {
		reference, rest = rest[colon+1:], rest[:colon]
	}
	if hasDigest {
		reference = digest
	}
	if host == "docker.io" && !strings.Contains(rest, "/") {
		rest = "library/" + rest
	}
	if rest == "" || reference == "" {
		return imageRef{}, false
	}
	return imageRef{host: host, repository: rest, reference: reference}, true
}

// registryPath is the repository's path in the lab registry: docker.io's under its own path,
// every other host in a folder of its own (a port's ":" becomes "_"), as `kubelab images add`
// stores them and the nodes' mirror entries ask for them.
func (r imageRef) registryPath() string {
	if r.host == "docker.io" {
		return r.repository
	}
	return strings.Replace(r.host, ":", "_", 1) + "/" + r.repository
}
