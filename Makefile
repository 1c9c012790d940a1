# Plexus: the two commands a new machine needs are `make demo` and `make test`.
SWIFT ?= swift
EXAMPLES := examples/ukraine-peace
GRAPHS := graphs/ukraine-peace
RELEASE_BIN := .build/release/plexus

.PHONY: demo test graphs build release prerequisites bench clean

## demo: install what is missing, build in release mode, build the example graph and diagrams.
demo: prerequisites release
	$(RELEASE_BIN) build $(EXAMPLES) --out $(GRAPHS)
	$(RELEASE_BIN) path "Keir Starmer" "Dmitry Medvedev" --graph $(GRAPHS)/graph.json

## graphs: regenerate graphs/ from examples/ (deterministic, byte for byte).
graphs: demo

## test: install what is missing, build, and run every test.
test: prerequisites
	$(SWIFT) build
	$(SWIFT) test

build: prerequisites
	$(SWIFT) build

release: prerequisites
	$(SWIFT) build -c release

## bench: time `plexus build` on the BBC politics folder of ../shared/data (release build).
bench: release
	bash scripts/bench-build.sh

prerequisites:
	@bash scripts/install-prerequisites.sh

clean:
	rm -rf .build
