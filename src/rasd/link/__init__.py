"""Entity linking: names, the actor knowledge base, resolution within and across documents."""
