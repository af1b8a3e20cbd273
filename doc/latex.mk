# doc/latex.mk: the PDF manuals of `make doc`: pdflatex compiles each
# doc/*.tex that `make doc-html` wrote, twice for the cross-references
# (nothing without pdflatex).
.PHONY: doc-pdf
doc: doc-pdf
doc-pdf: doc-html
	@if test -z "$(PDFLATEX)"; then echo "doc-pdf: no pdflatex, no PDF manuals"; else \
	  cd $(top_builddir)/doc && for tex in *.tex; do \
	    test -f "$$tex" || continue; \
	    echo "  PDFLATEX doc/$$tex"; \
	    for run in 1 2; do \
	      $(PDFLATEX) -interaction=nonstopmode -halt-on-error "$$tex" > /dev/null || \
	        { echo "doc-pdf: pdflatex failed on doc/$$tex (see doc/$${tex%.tex}.log)"; exit 1; }; \
	    done; \
	    rm -f "$${tex%.tex}.aux" "$${tex%.tex}.log" "$${tex%.tex}.out"; \
	  done; \
	fi
