# Plexus: the two commands a new machine needs are `make demo` and `make test`.
SWIFT ?= swift
EXAMPLES := examples/ukraine-peace
GRAPHS := graphs/ukraine-peace
RELEASE_BIN := .build/release/plexus

.PHONY: demo test lint install graphs graphs-news build release prerequisites bench bench-store bench-peer models stance-model fuzz clean
CONLL := ../shared/data/conll2003
NEWSMTSC := ../shared/data/newsmtsc
EWT := ../shared/data/ud-english-ewt

## demo: install what is missing, build in release mode, build the example graph, views and deck.
demo: prerequisites release
	bash scripts/make-graphs.sh
	$(RELEASE_BIN) path "Keir Starmer" "Dmitry Medvedev" --graph $(GRAPHS)/graph.json

## graphs: regenerate graphs/ from examples/ (deterministic, byte for byte).
graphs: demo

## graphs-news: the overview, stance map and an ego network of bbc/politics, in
## .build/graphs-news (not committed: they are drawn from BBC copy; needs ../shared/data).
graphs-news: release
	.build/release/plexus build ../shared/data/news-corpus/bbc/politics --out .build/graphs-news --formats png html
	.build/release/plexus render --graph .build/graphs-news/graph.json --stance --out .build/graphs-news/stance.png
	.build/release/plexus render --graph .build/graphs-news/graph.json --around "Tony Blair" --top 25 --out .build/graphs-news/ego-tony-blair.png

## test: install what is missing (Chromium for the HTML view's browser tests, PostgreSQL for
## the shared-store tests), check the house style, build, and run every test (with a
## throw-away PostgreSQL server when one can be started).
test: lint
	@bash scripts/install-prerequisites.sh --with-browser --with-postgres
	$(SWIFT) build
	bash scripts/with-postgres.sh $(SWIFT) test

## lint: the house style (.swift-format: no force unwraps or try!, ordered imports, doc
## comments that open with a one-line summary), as errors.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

## install: build in release mode and install plexus into $(PREFIX)/bin (default /usr/local),
## with its models beside the program in $(PREFIX)/lib/plexus.
PREFIX ?= /usr/local
install: release
	install -d $(PREFIX)/lib/plexus $(PREFIX)/bin
	rm -rf $(PREFIX)/lib/plexus/*.resources
	cp .build/release/plexus $(PREFIX)/lib/plexus/plexus
	cp -R .build/release/*.resources $(PREFIX)/lib/plexus/
	ln -sf $(PREFIX)/lib/plexus/plexus $(PREFIX)/bin/plexus
	@echo "Installed $(PREFIX)/bin/plexus"

build: prerequisites
	$(SWIFT) build

release: prerequisites
	$(SWIFT) build -c release

## bench: time `plexus build`, the graph queries and the tagger (release build, ../shared/data).
bench: release
	bash scripts/bench-build.sh
	bash scripts/bench-growth.sh
	.build/release/plexus-bench corpus ../shared/data/news-corpus
	.build/release/plexus-bench paths --graph /tmp/plexus-bench-news/graph.json
	.build/release/plexus-bench graph --graph /tmp/plexus-bench-news/graph.json
	.build/release/plexus-bench tagger ../shared/data/news-corpus
	.build/release/plexus build ../shared/data/news-corpus/bbc --out /tmp/plexus-bench-bbc --formats dot > /dev/null
	.build/release/plexus-bench render --graph /tmp/plexus-bench-bbc/graph.json

## bench-store: the store's figures on the whole news corpus: SQLite and PostgreSQL ingest
## (1, 2 and 4 processes), re-ingest, build --store against a one-shot build, store size.
bench-store: release
	bash scripts/with-postgres.sh bash scripts/bench-store.sh

## bench-peer: Plexus against the spaCy + networkx peer on news-corpus/bbc, interleaved, twice
## (wall, CPU, cores, peak memory, ratios; the peer needs spaCy, see scripts/bench-peer.sh).
bench-peer: release
	bash scripts/bench-peer.sh

## fuzz: feed mutated real articles through every build stage for FUZZ_SECONDS (default 600);
## a case that crashes is saved under .build/fuzz/crashes (replay: plexus-fuzz replay FILE).
FUZZ_SECONDS ?= 600
fuzz: release
	.build/release/plexus-fuzz run --seconds $(FUZZ_SECONDS) --work .build/fuzz --max-seeds 1200 \
		--corpus examples/ukraine-peace ../shared/data/realnews-dev/articles ../shared/data/news-corpus/bbc

## models: retrain the shipped tagger models, then the dependency parser, which reads the new
## part-of-speech model's word profile, so the package is built again in between
## (deterministic: the same bytes every time; about ten minutes).
models: release
	.build/release/plexus train-ner --train $(CONLL)/train.txt --dev $(CONLL)/dev.txt \
		--out Sources/EntityRecognition/Models --task all --epochs 12 --average 4 --word-dropout 0.1 --unlabelled ../shared/data/news-corpus
	swift build -c release
	.build/release/plexus train-parser --train $(EWT)/en_ewt-ud-train.conllu --dev $(EWT)/en_ewt-ud-dev.conllu \
		--out Sources/EntityRecognition/Models --epochs 10 --average 2 --tagger-average 4 --also-treebank-tags

## stance-model: retrain the shipped target-polarity model on NewsMTSC, with word vectors from the
## news corpus and four small networks over them (C, the vector scale and the networks' share
## chosen on rw/dev; deterministic; about 7 minutes).
stance-model: release
	.build/release/plexus train-stance --train $(NEWSMTSC)/train.jsonl --dev $(NEWSMTSC)/rw/dev.jsonl \
		--unlabelled ../shared/data/news-corpus --c 0.3 1 --vector-scale 3 10 \
		--out Sources/RelationExtraction/Models/polarity.plxpol

prerequisites:
	@bash scripts/install-prerequisites.sh

clean:
	rm -rf .build
