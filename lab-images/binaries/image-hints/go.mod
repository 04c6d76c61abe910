module kubelab.local/image-hints

go 1.24.0
