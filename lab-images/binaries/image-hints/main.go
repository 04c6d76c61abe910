// Command image-hints is kubelab's small in-cluster controller for one learner question: "why does
// my pod not start?" when its image is simply not in the lab registry. Labs are offline, so the
// kubelet's own event only says the pull failed (not found, or a host that does not resolve).
// image-hints watches every pod; when a container waits in ErrImagePull or ImagePullBackOff and
// the lab registry does not hold its image, it adds one Warning event to the pod that names the
// cause and the fix (`kubelab images add IMAGE`, run on the learner's computer). Standard library
// only: the API server is reached with the pod's service account, like any client-go program.
package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

const saDir = "/var/run/secrets/kubernetes.io/serviceaccount"

type containerStatus struct {
	Name  string `json:"name"`
	Image string `json:"image"`
	State struct {
		Waiting *struct {
			Reason string `json:"reason"`
		} `json:"waiting"`
	} `json:"state"`
}

type pod struct {
	Metadata struct {
		Name            string `json:"name"`
		Namespace       string `json:"namespace"`
		UID             string `json:"uid"`
		ResourceVersion string `json:"resourceVersion"`
	} `json:"metadata"`
	Status struct {
		InitContainerStatuses []containerStatus `json:"initContainerStatuses"`
		ContainerStatuses     []containerStatus `json:"containerStatuses"`
	} `json:"status"`
}

type hints struct {
	api      *http.Client
	server   string
	registry *http.Client
	regURL   string
	// pod UID → container/image keys already hinted: one event per failing image, not per retry.
	told map[string]map[string]bool
}

func main() {
	log.SetFlags(0)
	registry := os.Getenv("LAB_REGISTRY")
	host, port := os.Getenv("KUBERNETES_SERVICE_HOST"), os.Getenv("KUBERNETES_SERVICE_PORT")
	if registry == "" || host == "" {
		log.Fatal("image-hints runs in a lab: LAB_REGISTRY and the in-cluster API address must be set")
	}
	ca, err := os.ReadFile(saDir + "/ca.crt")
	if err != nil {
		log.Fatalf("image-hints: the service account's CA: %v", err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(ca)
	h := &hints{
		api: &http.Client{Transport: &http.Transport{
			TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
		}},
		server:   "https://" + net.JoinHostPort(host, port),
		registry: &http.Client{Timeout: 5 * time.Second},
		regURL:   strings.TrimRight(registry, "/"),
		told:     map[string]map[string]bool{},
	}
	log.Printf("image-hints: watching pods; registry %s", h.regURL)
	for {
		if err := h.listAndWatch(context.Background()); err != nil {
			log.Printf("image-hints: %v (again in 2 s)", err)
		}
		time.Sleep(2 * time.Second)
	}
}

// request sends one API request with the service account's token, read afresh each time: the
// kubelet rotates projected tokens.
func (h *hints) request(ctx context.Context, method, path string, body []byte) (*http.Response, error) {
	token, err := os.ReadFile(saDir + "/token")
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, method, h.server+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(token)))
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return h.api.Do(req)
}

// listAndWatch lists every pod, then follows changes until the watch ends (the server closes it
// after timeoutSeconds, or its resourceVersion is too old); the caller starts over.
func (h *hints) listAndWatch(ctx context.Context) error {
	resp, err := h.request(ctx, http.MethodGet, "/api/v1/pods", nil)
	if err != nil {
		return err
	}
	var list struct {
		Metadata struct {
			ResourceVersion string `json:"resourceVersion"`
		} `json:"metadata"`
		Items []pod `json:"items"`
	}
	err = decodeOK(resp, &list)
	if err != nil {
		return fmt.Errorf("listing pods: %w", err)
	}
	live := map[string]bool{}
	for i := range list.Items {
		live[list.Items[i].Metadata.UID] = true
		h.look(ctx, &list.Items[i])
	}
	for uid := range h.told {
		if !live[uid] {
			delete(h.told, uid)
		}
	}
	query := url.Values{"watch": {"true"}, "resourceVersion": {list.Metadata.ResourceVersion},
		"timeoutSeconds": {"300"}}
	resp, err = h.request(ctx, http.MethodGet, "/api/v1/pods?"+query.Encode(), nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("watching pods: %s", resp.Status)
	}
	decoder := json.NewDecoder(resp.Body)
	for {
		var event struct {
			Type   string `json:"type"`
			Object pod    `json:"object"`
		}
		if err := decoder.Decode(&event); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("reading the watch: %w", err)
		}
		switch event.Type {
		case "ADDED", "MODIFIED":
			h.look(ctx, &event.Object)
		case "DELETED":
			delete(h.told, event.Object.Metadata.UID)
		case "ERROR":
			return nil // e.g. 410 Gone: list again
		}
	}
}

func decodeOK(resp *http.Response, into any) error {
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		text, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("%s: %s", resp.Status, strings.TrimSpace(string(text)))
	}
	return json.NewDecoder(resp.Body).Decode(into)
}

// look adds the hint for each of the pod's containers that waits on a pull of an image the lab
// registry does not have.
func (h *hints) look(ctx context.Context, p *pod) {
	statuses := append(append([]containerStatus{}, p.Status.InitContainerStatuses...),
		p.Status.ContainerStatuses...)
	for _, status := range statuses {
		waiting := status.State.Waiting
		if waiting == nil || (waiting.Reason != "ErrImagePull" && waiting.Reason != "ImagePullBackOff") {
			continue
		}
		key := status.Name + "\x00" + status.Image
		if h.told[p.Metadata.UID][key] {
			continue
		}
		ref, ok := parseRef(status.Image)
		if !ok {
			continue
		}
		held, err := h.inRegistry(ctx, ref)
		if err != nil {
			log.Printf("image-hints: asking the lab registry about %s: %v", status.Image, err)
			continue
		}
		if held {
			continue // the pull failed for another reason; the kubelet's event says which
		}
		if err := h.tell(ctx, p, status); err != nil {
			log.Printf("image-hints: event for %s/%s: %v", p.Metadata.Namespace, p.Metadata.Name, err)
			continue
		}
		if h.told[p.Metadata.UID] == nil {
			h.told[p.Metadata.UID] = map[string]bool{}
		}
		h.told[p.Metadata.UID][key] = true
	}
}

// inRegistry asks the lab registry for the image's manifest, accepting every manifest type (the
// registry answers "unknown" for types a client does not accept).
func (h *hints) inRegistry(ctx context.Context, ref imageRef) (bool, error) {
	target := fmt.Sprintf("%s/v2/%s/manifests/%s", h.regURL, ref.registryPath(), ref.reference)
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, target, nil)
	if err != nil {
		return false, err
	}
	req.Header.Set("Accept", strings.Join([]string{
		"application/vnd.oci.image.index.v1+json",
		"application/vnd.oci.image.manifest.v1+json",
		"application/vnd.docker.distribution.manifest.list.v2+json",
		"application/vnd.docker.distribution.manifest.v2+json",
	}, ", "))
	resp, err := h.registry.Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return true, nil
	case http.StatusNotFound:
		return false, nil
	}
	return false, fmt.Errorf("unexpected answer %s", resp.Status)
}

// tell creates the Warning event on the pod, shown by `kubectl describe pod` and `kubectl events`.
func (h *hints) tell(ctx context.Context, p *pod, status containerStatus) error {
	now := time.Now().UTC().Format(time.RFC3339)
	hostname, _ := os.Hostname()
	event := map[string]any{
		"metadata": map[string]any{"generateName": p.Metadata.Name + ".", "namespace": p.Metadata.Namespace},
		"involvedObject": map[string]any{
			"apiVersion": "v1", "kind": "Pod", "namespace": p.Metadata.Namespace,
			"name": p.Metadata.Name, "uid": p.Metadata.UID,
			"fieldPath": "spec.containers{" + status.Name + "}",
		},
		"reason": "NotInLabRegistry",
		"type":   "Warning",
		"message": fmt.Sprintf("Image %q is not in the lab registry, nor could the lab fetch it — "+
			"on your computer, run: kubelab images add %s (a local Docker image or a `docker save` "+
			"tar); the kubelet pulls it at its next try.", status.Image, status.Image),
		"source":             map[string]any{"component": "kubelab-image-hints", "host": hostname},
		"reportingComponent": "kubelab-image-hints",
		"reportingInstance":  hostname,
		"firstTimestamp":     now,
		"lastTimestamp":      now,
		"count":              1,
	}
	body, err := json.Marshal(event)
	if err != nil {
		return err
	}
	resp, err := h.request(ctx, http.MethodPost, "/api/v1/namespaces/"+p.Metadata.Namespace+"/events", body)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		text, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("%s: %s", resp.Status, strings.TrimSpace(string(text)))
	}
	log.Printf("image-hints: %s/%s: %s is not in the lab registry", p.Metadata.Namespace, p.Metadata.Name, status.Image)
	return nil
}
